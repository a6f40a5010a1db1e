"""
Assignment 2: a two-layer fully connected network with a softmax classifier.

Fill in the functions marked YOUR CODE HERE. Do not change their signatures:
the autograder imports them by name. Only numpy is available.
"""
import numpy as np


def init_params(input_dim, hidden_dim, num_classes, std=1e-4, seed=0):
    """Small random weights, zero biases. Provided."""
    rng = np.random.default_rng(seed)
    params = {
        "W1": std * rng.standard_normal((input_dim, hidden_dim)),
        "b1": np.zeros(hidden_dim),
        "W2": std * rng.standard_normal((hidden_dim, num_classes)),
        "b2": np.zeros(num_classes),
    }
    return params


def sgd_step(params, grads, learning_rate):
    """Plain SGD update, in place."""
    for key in params:
        params[key] -= learning_rate * grads[key]


def forward(params, X):
    """
    Forward pass: affine - ReLU - affine. Returns (scores, cache) where cache
    holds whatever backward needs.
    """
    pre_act = X @ params["W1"] + params["b1"]
    hidden = np.maximum(0, pre_act)
    out = hidden @ params["W2"] + params["b2"]
    return out, (X, pre_act, hidden)


def predict(params, X):
    """Predicted labels for the rows of X."""
    out, _ = forward(params, X)
    return out.argmax(axis=1)


def softmax_loss(scores, y):
    """
    Softmax (cross-entropy) loss and its gradient with respect to the scores.

    scores: (N, C) array of class scores; y: (N,) integer labels in [0, C).
    Returns (loss, dscores), the loss averaged over the batch.
    """
    batch = scores.shape[0]
    # numerically stable version
    stable_scores = scores - scores.max(axis=1, keepdims=True)
    logp = stable_scores - np.log(np.exp(stable_scores).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(batch), y].mean()
    grad_scores = np.exp(logp)
    grad_scores[np.arange(batch), y] -= 1
    grad_scores /= batch
    return loss, grad_scores


def backward(params, cache, dscores, reg):
    """Gradients of the loss (plus L2 regularization reg * sum(W**2)) for every parameter."""
    X, pre_act, hidden = cache
    g = {}
    g["W2"] = hidden.T @ dscores + 2 * reg * params["W2"]
    g["b2"] = dscores.sum(axis=0)
    d_pre = (dscores @ params["W2"].T) * (pre_act > 0)
    g["W1"] = X.T @ d_pre + 2 * reg * params["W1"]
    g["b1"] = d_pre.sum(axis=0)
    return g


def loss_and_grads(params, X, y, reg=0.0):
    """Provided: ties the pieces together."""
    scores, cache = forward(params, X)
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    grads = backward(params, cache, dscores, reg)
    return data_loss + reg_loss, grads


def relative_error(x, y):
    """Provided: max relative error, for gradient checks."""
    return np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))


def numerical_gradient(f, x, h=1e-5):
    """Provided: centred differences, for checking backward()."""
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        old = x[ix]
        x[ix] = old + h
        fxph = f(x)
        x[ix] = old - h
        fxmh = f(x)
        x[ix] = old
        grad[ix] = (fxph - fxmh) / (2 * h)
        it.iternext()
    return grad


def check_grads(n=5, d=4, hidden=10, classes=3, reg=0.05):
    """Compare analytic and numeric gradients."""
    rng = np.random.default_rng(1)
    inputs = rng.standard_normal((n, d))
    labels = rng.integers(0, classes, size=n)
    params = init_params(d, hidden, classes, std=1e-1)
    _, analytic = loss_and_grads(params, inputs, labels, reg)
    results = {}
    for key in sorted(params):
        approx = numerical_gradient(lambda _: loss_and_grads(params, inputs, labels, reg)[0], params[key])
        results[key] = relative_error(approx, analytic[key])
    return results


def train(params, X, y, X_val, y_val, learning_rate=1e-3, reg=1e-5,
          num_iters=1000, batch_size=200, lr_decay=0.95, seed=0, verbose=False):
    """
    Minibatch SGD. Provided except for the sampling of a batch.
    Returns a history dict with the loss and accuracies per epoch.
    """
    rng = np.random.default_rng(seed)
    num_train = X.shape[0]
    iterations_per_epoch = max(num_train // batch_size, 1)
    history = {"loss": [], "train_acc": [], "val_acc": []}
    for it in range(num_iters):
        picks = rng.choice(num_train, batch_size, replace=True)
        X_batch, y_batch = X[picks], y[picks]
        loss, grads = loss_and_grads(params, X_batch, y_batch, reg)
        history["loss"].append(loss)
        sgd_step(params, grads, learning_rate)
        if verbose and it % 100 == 0:
            print(f"iteration {it} / {num_iters}: loss {loss:.4f}")
        if it % iterations_per_epoch == 0:
            history["train_acc"].append(np.mean(predict(params, X_batch) == y_batch))
            history["val_acc"].append(np.mean(predict(params, X_val) == y_val))
            learning_rate *= lr_decay
    return history


if __name__ == "__main__":
    for key, value in check_grads().items():
        verdict = "fine" if value < 1e-6 else "wrong?"
        print(f"{key}: {value:.2e} -> {verdict}")
