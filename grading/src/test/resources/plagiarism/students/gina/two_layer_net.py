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


# --- layer helpers: each forward returns (out, cache), each backward takes that cache ---

def _affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def _affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def _relu_forward(x):
    return np.maximum(x, 0.0), x


def _relu_backward(dout, x):
    return np.where(x > 0, dout, 0.0)


def _log_softmax(scores):
    m = np.max(scores, axis=1, keepdims=True)
    return scores - (m + np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True)))


def softmax_loss(scores, y):
    """
    Softmax (cross-entropy) loss and its gradient with respect to the scores.

    scores: (N, C) array of class scores; y: (N,) integer labels in [0, C).
    Returns (loss, dscores), the loss averaged over the batch.
    """
    logp = _log_softmax(scores)
    one_hot = np.eye(scores.shape[1])[y]
    loss = -np.einsum("ij,ij->", one_hot, logp) / (n := len(y))
    return float(loss), (np.exp(logp) - one_hot) / n


def forward(params, X):
    """
    Forward pass: affine - ReLU - affine. Returns (scores, cache) where cache
    holds whatever backward needs.
    """
    a1, fc1 = _affine_forward(X, params["W1"], params["b1"])
    h1, r1 = _relu_forward(a1)
    scores, fc2 = _affine_forward(h1, params["W2"], params["b2"])
    return scores, {"fc1": fc1, "relu": r1, "fc2": fc2}


def backward(params, cache, dscores, reg):
    """Gradients of the loss (plus L2 regularization reg * sum(W**2)) for every parameter."""
    dh1, dW2, db2 = _affine_backward(dscores, cache["fc2"])
    _, dW1, db1 = _affine_backward(_relu_backward(dh1, cache["relu"]), cache["fc1"])
    penalty = {k: 2.0 * reg * params[k] for k in ("W1", "W2")}
    return {"W1": dW1 + penalty["W1"], "b1": db1, "W2": dW2 + penalty["W2"], "b2": db2}


def loss_and_grads(params, X, y, reg=0.0):
    """Provided: ties the pieces together."""
    scores, cache = forward(params, X)
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    grads = backward(params, cache, dscores, reg)
    return data_loss + reg_loss, grads


def predict(params, X):
    """Predicted labels for the rows of X."""
    return np.argmax(forward(params, X)[0], axis=1)


def sgd_step(params, grads, learning_rate):
    """Plain SGD update, in place."""
    for key, grad in grads.items():
        params[key] = params[key] - learning_rate * grad


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
        chosen = rng.permutation(num_train)[:batch_size]
        X_batch, y_batch = X[chosen], y[chosen]
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


def relative_error(x, y):
    """Provided: max relative error, for gradient checks."""
    return np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))


def spiral(points_per_arm=100, arms=3, noise=0.2, seed=7):
    """The classic spiral toy set: not linearly separable, so the hidden layer has to work."""
    rng = np.random.default_rng(seed)
    X = np.zeros((points_per_arm * arms, 2))
    y = np.zeros(points_per_arm * arms, dtype=np.int64)
    for arm in range(arms):
        rows = slice(points_per_arm * arm, points_per_arm * (arm + 1))
        radius = np.linspace(0.0, 1, points_per_arm)
        theta = np.linspace(arm * 4, (arm + 1) * 4, points_per_arm) + rng.standard_normal(points_per_arm) * noise
        X[rows] = np.c_[radius * np.sin(theta), radius * np.cos(theta)]
        y[rows] = arm
    return X, y


def main(mode="spiral"):
    match mode:
        case "spiral":
            X, y = spiral()
        case "noisy":
            X, y = spiral(noise=0.5)
        case _:
            raise ValueError(f"unknown mode {mode}")
    params = init_params(2, 64, 3, std=1.0)
    history = train(params, X, y, X, y, learning_rate=1.0, reg=1e-3, num_iters=2000, batch_size=100)
    best = max(history["val_acc"])
    print("best accuracy on the spiral: {:.3f}".format(best))


if __name__ == "__main__":
    main()
