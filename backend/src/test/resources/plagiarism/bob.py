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


def softmax_loss(scores, y):
    """
    Softmax (cross-entropy) loss and its gradient with respect to the scores.

    scores: (N, C) array of class scores; y: (N,) integer labels in [0, C).
    Returns (loss, dscores), the loss averaged over the batch.
    """
    num_samples, num_classes = scores.shape
    loss = 0.0
    dscores = np.zeros_like(scores)
    for i in range(num_samples):
        row = scores[i] - np.max(scores[i])
        exp_row = np.exp(row)
        total = np.sum(exp_row)
        for c in range(num_classes):
            p = exp_row[c] / total
            if c == y[i]:
                loss -= np.log(p)
                dscores[i, c] = p - 1.0
            else:
                dscores[i, c] = p
    loss = loss / num_samples
    dscores = dscores / num_samples
    return loss, dscores


def relu(x):
    """ReLU written out: keep positive entries, zero the rest."""
    return x * (x > 0)


def forward(params, X):
    """
    Forward pass: affine - ReLU - affine. Returns (scores, cache) where cache
    holds whatever backward needs.
    """
    W1, b1 = params["W1"], params["b1"]
    W2, b2 = params["W2"], params["b2"]
    hidden_in = np.dot(X, W1) + b1
    hidden_out = relu(hidden_in)
    out = np.dot(hidden_out, W2) + b2
    cache = {"X": X, "hidden_in": hidden_in, "hidden_out": hidden_out}
    return out, cache


def backward(params, cache, dscores, reg):
    """Gradients of the loss (plus L2 regularization reg * sum(W**2)) for every parameter."""
    W1, W2 = params["W1"], params["W2"]
    dW2 = np.dot(cache["hidden_out"].T, dscores)
    db2 = np.sum(dscores, axis=0)
    dhidden = np.dot(dscores, W2.T)
    dhidden[cache["hidden_in"] <= 0] = 0
    dW1 = np.dot(cache["X"].T, dhidden)
    db1 = np.sum(dhidden, axis=0)
    # regularization gradient, added last
    dW2 += 2 * reg * W2
    dW1 += 2 * reg * W1
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def loss_and_grads(params, X, y, reg=0.0):
    """Provided: ties the pieces together."""
    scores, cache = forward(params, X)
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    grads = backward(params, cache, dscores, reg)
    return data_loss + reg_loss, grads


def predict(params, X):
    """Predicted labels for the rows of X."""
    out, _ = forward(params, X)
    labels = np.zeros(X.shape[0], dtype=int)
    for i in range(X.shape[0]):
        labels[i] = int(np.argmax(out[i]))
    return labels


def sgd_step(params, grads, learning_rate):
    """Plain SGD update, in place."""
    params["W1"] -= learning_rate * grads["W1"]
    params["b1"] -= learning_rate * grads["b1"]
    params["W2"] -= learning_rate * grads["W2"]
    params["b2"] -= learning_rate * grads["b2"]


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
        batch = rng.integers(0, num_train, size=batch_size)
        X_batch = X[batch]
        y_batch = y[batch]
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


def toy_data(n_per_class=50, num_classes=3, seed=3):
    """Three Gaussian blobs in 2-D, for a quick sanity run."""
    rng = np.random.default_rng(seed)
    points = []
    labels = []
    for k in range(num_classes):
        centre = np.array([np.cos(2 * np.pi * k / num_classes), np.sin(2 * np.pi * k / num_classes)])
        points.append(centre * 3 + rng.standard_normal((n_per_class, 2)))
        labels.append(np.full(n_per_class, k))
    return np.concatenate(points), np.concatenate(labels)


if __name__ == "__main__":
    X_all, y_all = toy_data()
    order = np.random.default_rng(0).permutation(len(y_all))
    X_all, y_all = X_all[order], y_all[order]
    split = int(0.8 * len(y_all))
    net = init_params(2, 20, 3, std=1e-1)
    hist = train(net, X_all[:split], y_all[:split], X_all[split:], y_all[split:],
                 learning_rate=0.5, reg=1e-4, num_iters=300, batch_size=32, verbose=True)
    print("final validation accuracy:", hist["val_acc"][-1])
