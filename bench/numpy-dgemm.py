#!/usr/bin/env python3
"""numpy's dgemm as a sanity reference for BlasBench.dgemm: C = A @ B, n x n doubles.

    OPENBLAS_NUM_THREADS=1 python3 bench/numpy-dgemm.py [n ...]     (default n = 1024)

Prints one Markdown table row per n: best and median wall time of 7 repetitions (after 2
warm-ups) and the GFLOP/s of the median (2 n^3 flops), plus numpy's BLAS configuration.
"""
import os
import statistics
import sys
import time

import numpy as np


def blas_config():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return "%s %s" % (blas.get("name", "?"), blas.get("version", "?"))
    except Exception:  # older numpy
        return "unknown"


def core_name():
    """The OpenBLAS core type numpy's bundled library picked, read through ctypes."""
    import ctypes
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "lib*openblas*.so*"))
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "64_"), ("openblas_", "")):
            fn = getattr(lib, prefix + "get_corename" + suffix, None)
            nt = getattr(lib, prefix + "get_num_threads" + suffix, None)
            if fn is not None:
                fn.restype = ctypes.c_char_p
                threads = nt() if nt is not None else "?"
                return "core %s, %s threads" % (fn().decode().strip(), threads)
    return "core unknown"


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1024]
    rng = np.random.default_rng(42)
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "(default)")
    print("numpy %s, BLAS %s, %s, OPENBLAS_NUM_THREADS=%s, OPENBLAS_CORETYPE=%s"
          % (np.__version__, blas_config(), core_name(), threads, os.environ.get("OPENBLAS_CORETYPE", "(unset)")))
    print("| n | threads | best | median | GFLOP/s (median) |")
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        a = rng.uniform(-1, 1, (n, n))
        b = rng.uniform(-1, 1, (n, n))
        c = a @ b
        # self-check against a few dot products
        for i, j in ((0, 0), (n - 1, n // 2), (n // 3, n - 1)):
            assert abs(c[i, j] - float(np.dot(a[i, :], b[:, j]))) < 1e-10 * n
        for _ in range(2):
            np.matmul(a, b, out=c)
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            np.matmul(a, b, out=c)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print("| %d | %s | %.2f ms | %.2f ms | %.1f |" % (n, threads, min(times) * 1e3, med * 1e3, 2.0 * n ** 3 / med / 1e9))


if __name__ == "__main__":
    main()
