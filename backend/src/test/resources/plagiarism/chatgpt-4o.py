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
    num_examples = scores.shape[0]

    # Step 1: Shift the scores for numerical stability
    scores_shifted = scores - np.max(scores, axis=1, keepdims=True)

    # Step 2: Compute the class probabilities
    exp_scores = np.exp(scores_shifted)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    # Step 3: Cross-entropy loss (average negative log-probability of the correct class)
    correct_log_probs = -np.log(probs[np.arange(num_examples), y])
    loss = np.sum(correct_log_probs) / num_examples

    # Step 4: Gradient of the loss with respect to the scores
    dscores = probs.copy()
    dscores[np.arange(num_examples), y] -= 1
    dscores /= num_examples

    return loss, dscores


def forward(params, X):
    """
    Forward pass: affine - ReLU - affine. Returns (scores, cache) where cache
    holds whatever backward needs.
    """
    W1, b1 = params["W1"], params["b1"]
    W2, b2 = params["W2"], params["b2"]

    # First layer: affine transformation followed by ReLU activation
    hidden_pre = X.dot(W1) + b1
    hidden = np.maximum(0, hidden_pre)

    # Second layer: affine transformation producing the class scores
    scores = hidden.dot(W2) + b2

    cache = (X, hidden_pre, hidden)
    return scores, cache


def backward(params, cache, dscores, reg):
    """Gradients of the loss (plus L2 regularization reg * sum(W**2)) for every parameter."""
    X, hidden_pre, hidden = cache
    W1, W2 = params["W1"], params["W2"]
    grads = {}

    # Backpropagate into the second layer
    grads["W2"] = hidden.T.dot(dscores) + 2 * reg * W2
    grads["b2"] = np.sum(dscores, axis=0)

    # Backpropagate into the hidden layer
    dhidden = dscores.dot(W2.T)

    # Backpropagate through the ReLU non-linearity
    dhidden[hidden_pre <= 0] = 0

    # Backpropagate into the first layer
    grads["W1"] = X.T.dot(dhidden) + 2 * reg * W1
    grads["b1"] = np.sum(dhidden, axis=0)

    return grads


def loss_and_grads(params, X, y, reg=0.0):
    """Provided: ties the pieces together."""
    scores, cache = forward(params, X)
    data_loss, dscores = softmax_loss(scores, y)
    reg_loss = reg * (np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))
    grads = backward(params, cache, dscores, reg)
    return data_loss + reg_loss, grads


def predict(params, X):
    """Predicted labels for the rows of X."""
    scores, _ = forward(params, X)
    y_pred = np.argmax(scores, axis=1)
    return y_pred


def sgd_step(params, grads, learning_rate):
    """Plain SGD update, in place."""
    for param_name in params:
        params[param_name] -= learning_rate * grads[param_name]


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
        # Sample a random minibatch of training data
        batch_indices = np.random.choice(num_train, batch_size, replace=True)
        X_batch = X[batch_indices]
        y_batch = y[batch_indices]
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


# Example usage
if __name__ == "__main__":
    np.random.seed(0)

    # Create a small random dataset
    input_dim, hidden_dim, num_classes = 4, 10, 3
    X = np.random.randn(5, input_dim)
    y = np.array([0, 1, 2, 2, 1])

    # Initialize the parameters and compute the loss and gradients
    params = init_params(input_dim, hidden_dim, num_classes, std=1e-1)
    loss, grads = loss_and_grads(params, X, y, reg=0.05)
    print("Loss:", loss)

    # Gradient check: compare analytic and numerical gradients
    for name in sorted(grads):
        f = lambda W: loss_and_grads(params, X, y, reg=0.05)[0]
        grad_num = numerical_gradient(f, params[name])
        print(f"{name} max relative error: {relative_error(grad_num, grads[name]):e}")
