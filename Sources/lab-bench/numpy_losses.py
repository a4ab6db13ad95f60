"""The L2 and KL error surfaces of one sigmoid perceptron, for `make bench` to compare with NNLab.

The same work as LossesLab's PerceptronSurface: scores S = (X W)^T for every grid weight
[G^2, N], the L2 surface mean(0.5 (sigmoid(S) - d)^2) and the KL surface mean(softplus(S) - d S)
per row, then the smaller eigenvalue of the second-difference Hessian at every interior point.
The engine's loss calls return each element's gradient with the value (the lab's figure uses only
the values), so the script computes those gradients too, to time the same work. Prints the median
seconds over 3 runs.
"""
import sys
import time

import numpy as np


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def smallest_eigenvalue(v, h):
    a = (v[1:-1, 2:] - 2 * v[1:-1, 1:-1] + v[1:-1, :-2]) / h**2
    b = (v[2:, 1:-1] - 2 * v[1:-1, 1:-1] + v[:-2, 1:-1]) / h**2
    c = (v[2:, 2:] - v[2:, :-2] - v[:-2, 2:] + v[:-2, :-2]) / (4 * h**2)
    return (a + b) / 2 - np.sqrt(((a - b) / 2) ** 2 + c * c)


def run(grid, x, d):
    axis = np.linspace(-10, 10, grid)
    w1, w2 = np.meshgrid(axis, axis)
    w = np.stack([w1.ravel(), w2.ravel()])
    s = (x @ w).T
    y = sigmoid(s)
    l2 = (0.5 * (y - d) ** 2).mean(axis=1).reshape(grid, grid)
    (y - d) * y * (1 - y)  # the engine's MSE gradient, back through the sigmoid
    kl = (np.maximum(s, 0) + np.log1p(np.exp(-np.abs(s))) - d * s).mean(axis=1).reshape(grid, grid)
    (sigmoid(s) - d) / s.size  # BCE-with-logits gradient
    h = axis[1] - axis[0]
    return smallest_eigenvalue(l2, h), smallest_eigenvalue(kl, h)


def main():
    grid, n = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, 2))
    d = (rng.random(n) < sigmoid(x @ np.array([2.0, -1.0]))).astype(float)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run(grid, x, d)
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    main()
