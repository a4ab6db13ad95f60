"""Solutions of every graded exercise written from the student README alone, in numpy, in float64
or float32 (PyTorch's default), to check that correct code scores full marks in either.

    python3 solutions.py float32 batchnorm problems/batchnorm   # every <student>/problem.json below

writes <student>/submission-float32.json beside each problem.json. Inputs the README marks as
integers are loaded as int64, as the skeleton does. The numerical gradient is computed in float64
in both modes, as its README asks (a centered difference with h = 1e-5 in float32 is rounding noise).
"""
import json
import os
import sys

import numpy as np


def activations(p, f):
    z, dout, a = f(p["z"]), f(p["dout"]), f(p["a"])
    s = np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
    t = np.tanh(z)
    return {"sigmoid": s, "d_sigmoid": dout * s * (1 - s), "tanh": t, "d_tanh": dout * (1 - t * t),
            "relu": np.maximum(z, 0), "d_relu": dout * (z > 0),
            "leaky_relu": np.where(z > 0, z, a * z), "d_leaky_relu": dout * np.where(z > 0, 1, a)}


def affine_backward(p, f):
    x, w, dout = f(p["x"]), f(p["W"]), f(p["dout"])
    return {"dx": dout @ w.T, "dW": x.T @ dout, "db": dout.sum(axis=0)}


def softmax(scores):
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_loss_value(scores, y):
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(y)), y].mean()


def numerical_gradient(p, f):
    # float64 whatever the mode: the README asks for it.
    x, w, y, h = np.array(p["x"], dtype=np.float64), np.array(p["W"], dtype=np.float64), np.array(p["y"]), float(p["h"])
    grad = np.zeros_like(w)
    for index in np.ndindex(*w.shape):
        plus, minus = w.copy(), w.copy()
        plus[index] += h
        minus[index] -= h
        grad[index] = (softmax_loss_value(x @ plus, y) - softmax_loss_value(x @ minus, y)) / (2 * h)
    return {"grad": grad}


def initialization(p, f):
    shapes, codes = np.array(p["shapes"]), np.array(p["nonlinearity"])
    gains = f([1.0, 5.0 / 3.0, np.sqrt(2.0), np.sqrt(2.0 / (1 + 0.01 ** 2))])
    fan_in, fan_out = f(shapes[:, 0]), f(shapes[:, 1])
    gain = gains[codes]
    h = f(p["x"])
    means, stds = [], []
    for name in ["W1", "W2", "W3"]:
        h = np.tanh(h @ f(p[name]))
        means.append(h.mean())
        stds.append(h.std())
    return {"xavier_std": np.sqrt(2 / (fan_in + fan_out)), "xavier_bound": np.sqrt(6 / (fan_in + fan_out)),
            "he_std": gain / np.sqrt(fan_in), "he_bound": gain * np.sqrt(3 / fan_in),
            "act_mean": np.array(means), "act_std": np.array(stds)}


def dropout(p, f):
    x, u, dout, keep = f(p["x"]), f(p["u"]), f(p["dout"]), f(p["p"])
    mask = (u < keep) / keep
    return {"out": x * mask, "dx": dout * mask, "test_out": x}


def softmax_loss(p, f):
    scores, y = f(p["scores"]), np.array(p["y"])
    n = len(y)
    probabilities = softmax(scores)
    dscores = probabilities.copy()
    dscores[np.arange(n), y] -= 1
    return {"loss": softmax_loss_value(scores, y), "dscores": dscores / n,
            "initial_loss": softmax_loss_value(np.zeros_like(scores), y)}


def svm(scores, y, delta):
    n = len(y)
    margins = np.maximum(0, scores - scores[np.arange(n), y][:, None] + delta)
    margins[np.arange(n), y] = 0
    return margins


def svm_loss(p, f):
    scores, y, delta = f(p["scores"]), np.array(p["y"]), f(p["delta"])
    n = len(y)
    margins = svm(scores, y, delta)
    d = (margins > 0).astype(scores.dtype)
    d[np.arange(n), y] = -d.sum(axis=1)
    example = svm(f(p["example_scores"]), np.array(p["example_y"]), f(p["example_delta"])).sum(axis=1)
    return {"example_losses": example, "loss": margins.sum() / n, "dscores": d / n}


def batchnorm(p, f):
    x, gamma, beta, dout = f(p["x"]), f(p["gamma"]), f(p["beta"]), f(p["dout"])
    eps, momentum = f(p["eps"]), f(p["momentum"])
    b = x.shape[0]
    mu, var = x.mean(axis=0), x.var(axis=0)
    xhat = (x - mu) / np.sqrt(var + eps)
    running_mean = momentum * f(p["running_mean"]) + (1 - momentum) * mu
    running_var = momentum * f(p["running_var"]) + (1 - momentum) * var * b / (b - 1)
    g = gamma * dout
    dx = (1 / b) / np.sqrt(var + eps) * (b * g - g.sum(axis=0) - xhat * (g * xhat).sum(axis=0))
    return {"out": gamma * xhat + beta, "new_running_mean": running_mean, "new_running_var": running_var,
            "test_out": gamma * (f(p["x_test"]) - running_mean) / np.sqrt(running_var + eps) + beta,
            "dx": dx, "dgamma": (dout * xhat).sum(axis=0), "dbeta": dout.sum(axis=0)}


def adam_steps(w, gradients, lr, beta1, beta2, eps):
    m, v, rows = np.zeros_like(w), np.zeros_like(w), []
    for t, g in enumerate(gradients, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        w = w - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
        rows.append(w)
    return rows


def optimizer_steps(p, f):
    w0, grads = f(p["w0"]), f(p["grads"])
    w, v, momentum = w0, np.zeros_like(w0), []
    for g in grads:
        v = f(p["mu"]) * v - f(p["lr_momentum"]) * g
        w = w + v
        momentum.append(w)
    w, c, rmsprop = w0, np.zeros_like(w0), []
    for g in grads:
        c = f(p["rho"]) * c + (1 - f(p["rho"])) * g * g
        w = w - f(p["lr_rmsprop"]) * g / (np.sqrt(c) + f(p["eps"]))
        rmsprop.append(w)
    adam = adam_steps(w0, grads, f(p["lr_adam"]), f(p["beta1"]), f(p["beta2"]), f(p["eps"]))
    return {"momentum": np.array(momentum), "rmsprop": np.array(rmsprop), "adam": np.array(adam)}


def beale_gradient(point):
    x, y = point
    terms = [(1.5, 1), (2.25, 2), (2.625, 3)]
    gx = sum(2 * (c - x + x * y ** k) * (-1 + y ** k) for c, k in terms)
    gy = sum(2 * (c - x + x * y ** k) * (x * k * y ** (k - 1)) for c, k in terms)
    return np.array([gx, gy], dtype=point.dtype)


def beale_adam(p, f):
    w = f(p["start"])
    lr, beta1, beta2, eps = f(p["lr"]), f(p["beta1"]), f(p["beta2"]), f(p["eps"])
    m, v, rows = np.zeros_like(w), np.zeros_like(w), [w]
    for t in range(1, 21):
        g = beale_gradient(w)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        w = w - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
        rows.append(w)
    return {"points": np.array(rows)}


def flip_crop(p, f):
    image = f(p["image"])
    flipped = image[:, ::-1]
    top, left, height, width = (int(p[k]) for k in ["top", "left", "height", "width"])
    return {"flipped": flipped, "crop": flipped[top:top + height, left:left + width]}


SOLUTIONS = {"activations": activations, "affine-backward": affine_backward, "numerical-gradient": numerical_gradient,
             "initialization": initialization, "dropout": dropout, "softmax-loss": softmax_loss, "svm-loss": svm_loss,
             "batchnorm": batchnorm, "optimizer-steps": optimizer_steps, "beale-adam": beale_adam, "flip-crop": flip_crop}


def main():
    dtype, exercise, folder = sys.argv[1], sys.argv[2], sys.argv[3]
    precision = {"float64": np.float64, "float32": np.float32}[dtype]

    def f(value):
        return np.asarray(value, dtype=precision)

    for student in sorted(os.listdir(folder)):
        path = os.path.join(folder, student, "problem.json")
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            inputs = json.load(handle)["inputs"]
        answer = SOLUTIONS[exercise](inputs, f)
        # .tolist() of a float32 array writes each float32 exactly (as its shortest float64 text).
        with open(os.path.join(folder, student, f"submission-{dtype}.json"), "w") as handle:
            json.dump({k: np.asarray(v).tolist() for k, v in answer.items()}, handle, allow_nan=False)


if __name__ == "__main__":
    main()
