"""The batch-norm training of `lab normalize`, in numpy, for `make bench` to compare against.

The same work as one of the lab's deep nets: the UCI digits split as the lab splits them (about 900
training, 540 validation digits), the training mean image subtracted and divided by one std, an
8 x 32 sigmoid (or tanh) MLP with batch norm after every hidden affine map (batch statistics in training with
the B/(B-1) running variance, momentum 0.9, eps 1e-5), softmax cross-entropy, minibatches of 32
shuffled every epoch, SGD with momentum 0.9 at lr 0.01, float64, and after every epoch one
inference pass over the training and the validation digits. Prints the median seconds over 3 runs
of `epochs` epochs.

usage: numpy_normalize.py DIGITS.csv.gz EPOCHS [DEPTH WIDTH [sigmoid|tanh]]
"""
import gzip
import sys
import time

import numpy as np


def load(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    return data[:, :64], data[:, 64].astype(int)


def split(x, y, rng):
    train, val = [], []
    for c in range(10):
        members = rng.permutation(np.flatnonzero(y == c))
        n_test = int(round(len(members) * 0.2))
        n_val = int(round(len(members) * 0.3))
        val += list(members[n_test:n_test + n_val])
        train += list(members[n_test + n_val:])
    train, val = np.sort(train), np.sort(val)
    mean = x[train].mean(axis=0)
    sigma = (x[train] - mean).std()
    return (x[train] - mean) / sigma, y[train], (x[val] - mean) / sigma, y[val]


ACTIVATION = "sigmoid"


def activate(z):
    return 1 / (1 + np.exp(-z)) if ACTIVATION == "sigmoid" else np.tanh(z)


def slope(a):
    return a * (1 - a) if ACTIVATION == "sigmoid" else 1 - a * a


def forward(params, bn, x, training):
    caches = []
    h = x
    for layer in range(len(bn)):
        w, b = params[2 * layer], params[2 * layer + 1]
        gamma, beta = params[2 * len(bn) + 2 + 2 * layer], params[2 * len(bn) + 3 + 2 * layer]
        z = h @ w + b
        if training:
            mu = z.mean(axis=0)
            var = z.var(axis=0)
            n = z.shape[0]
            bn[layer][0] = 0.9 * bn[layer][0] + 0.1 * mu
            bn[layer][1] = 0.9 * bn[layer][1] + 0.1 * var * n / (n - 1)
        else:
            mu, var = bn[layer]
        inv = 1 / np.sqrt(var + 1e-5)
        xhat = (z - mu) * inv
        a = activate(gamma * xhat + beta)
        caches.append((h, xhat, inv, a))
        h = a
    w, b = params[2 * len(bn)], params[2 * len(bn) + 1]
    return h @ w + b, caches, h


def loss_and_grad(scores, y):
    s = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(len(y)), y]).mean()
    p[np.arange(len(y)), y] -= 1
    return loss, p / len(y)


def train(x, y, xv, yv, epochs, depth, width, rng):
    sizes = [64] + [width] * depth
    params = []
    for i in range(depth):
        params += [rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2 / (sizes[i] + sizes[i + 1])), np.zeros(width)]
    params += [rng.standard_normal((width, 10)) * 0.1 * np.sqrt(2 / (width + 10)), np.zeros(10)]
    for _ in range(depth):
        params += [np.ones(width), np.zeros(width)]
    bn = [[np.zeros(width), np.ones(width)] for _ in range(depth)]
    velocity = [np.zeros_like(p) for p in params]
    n = len(y)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, 32):
            idx = order[start:start + 32]
            scores, caches, h = forward(params, bn, x[idx], True)
            loss, ds = loss_and_grad(scores, y[idx])
            if not np.isfinite(loss):
                raise SystemExit("diverged")
            grads = [None] * len(params)
            grads[2 * depth], grads[2 * depth + 1] = h.T @ ds, ds.sum(axis=0)
            g = ds @ params[2 * depth].T
            for layer in reversed(range(depth)):
                hin, xhat, inv, a = caches[layer]
                gamma = params[2 * depth + 2 + 2 * layer]
                dy = g * slope(a)
                grads[2 * depth + 2 + 2 * layer] = (dy * xhat).sum(axis=0)
                grads[2 * depth + 3 + 2 * layer] = dy.sum(axis=0)
                gx = dy * gamma
                m = gx.shape[0]
                dz = inv / m * (m * gx - gx.sum(axis=0) - xhat * (gx * xhat).sum(axis=0))
                grads[2 * layer], grads[2 * layer + 1] = hin.T @ dz, dz.sum(axis=0)
                g = dz @ params[2 * layer].T
            for i, grad in enumerate(grads):
                velocity[i] = 0.9 * velocity[i] - 0.01 * grad
                params[i] += velocity[i]
        for xs, ys in ((x, y), (xv, yv)):
            scores, _, _ = forward(params, bn, xs, False)
            loss_and_grad(scores, ys)
            (scores.argmax(axis=1) == ys).mean()


def main():
    path, epochs = sys.argv[1], int(sys.argv[2])
    global ACTIVATION
    depth, width = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (8, 32)
    if len(sys.argv) > 5:
        ACTIVATION = sys.argv[5]
    x, y = load(path)
    rng = np.random.default_rng(0)
    x, y, xv, yv = split(x, y, rng)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        train(x, y, xv, yv, epochs, depth, width, rng)
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    main()
