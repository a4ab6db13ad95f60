"""The bias-variance study of `lab regularize` (figure 3) in numpy, for `make bench` to compare against.

The same work as RegularizeLab's BiasVariance.run: y = sin(pi x) + N(0, 0.3^2), training inputs
stratified on [-1, 1], 200 test inputs; for every draw of the training set, Legendre least squares
(numpy.polynomial.legendre.legvander + numpy.linalg.lstsq, LAPACK underneath) at degrees 1..15 on
30 points, then degrees 3 and 15 at 20, 30, 50, 100, 200, 400 points, each fit evaluated on the
test inputs and on its training points; bias^2, variance and test error per degree and size.
Prints the median wall time in seconds over 3 runs.
"""
import sys
import time

import numpy as np
from numpy.polynomial import legendre


def measure(degrees, n, test_x, draws, sigma, rng):
    f = np.sin(np.pi * test_x)
    predictions = {d: np.empty((draws, len(test_x))) for d in degrees}
    noise = np.empty((draws, len(test_x)))
    train_error = {d: 0.0 for d in degrees}
    for r in range(draws):
        x = -1 + 2 * (np.arange(n) + rng.random(n)) / n
        y = np.sin(np.pi * x) + sigma * rng.standard_normal(n)
        noise[r] = rng.standard_normal(len(test_x))
        for d in degrees:
            c, *_ = np.linalg.lstsq(legendre.legvander(x, d), y, rcond=None)
            predictions[d][r] = legendre.legval(test_x, c)
            train_error[d] += np.mean((legendre.legval(x, c) - y) ** 2) / draws
    out = []
    for d in degrees:
        p = predictions[d]
        mean = p.mean(axis=0)
        out.append((d, n, np.mean((mean - f) ** 2), np.mean((p - mean) ** 2),
                    np.mean((f + sigma * noise - p) ** 2), train_error[d]))
    return out


def study(rng):
    test_x = 2 * rng.random(200) - 1
    rows = measure(list(range(1, 16)), 30, test_x, 200, 0.3, rng)
    for n in [20, 30, 50, 100, 200, 400]:
        rows += measure([3, 15], n, test_x, 200, 0.3, rng)
    return rows


def main():
    times = []
    for run in range(3):
        rng = np.random.default_rng(run)
        start = time.perf_counter()
        study(rng)
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    sys.exit(main())
