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
    # YOUR CODE HERE
    raise NotImplementedError


def forward(params, X):
    """
    Forward pass: affine - ReLU - affine. Returns (scores, cache) where cache
    holds whatever backward needs.
    """
    # YOUR CODE HERE
    raise NotImplementedError


def backward(params, cache, dscores, reg):
    """Gradients of the loss (plus L2 regularization reg * sum(W**2)) for every parameter."""
    # YOUR CODE HERE
    raise NotImplementedError


def loss_and_grads(params, X, y, reg=0.0):
    """Provided: ties the pieces together."""
    scores, cache = forward(params, X)
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    grads = backward(params, cache, dscores, reg)
    return data_loss + reg_loss, grads


def predict(params, X):
    """Predicted labels for the rows of X."""
    # YOUR CODE HERE
    raise NotImplementedError


def sgd_step(params, grads, learning_rate):
    """Plain SGD update, in place."""
    # YOUR CODE HERE
    raise NotImplementedError


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
        # YOUR CODE HERE: sample X_batch, y_batch of size batch_size
        X_batch, y_batch = None, None
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
