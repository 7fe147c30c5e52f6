"""Times pycparser over one preprocessed C file: the first parse (cold) and the median of
repeated parses (warm). Prints key=value lines in the shape bench/run reads."""
import statistics
import sys
import time

from pycparser import c_parser


def main():
    path = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    with open(path, encoding="latin-1") as f:
        text = f.read()
    megabytes = len(text.encode("latin-1")) / 1e6
    start = time.perf_counter()
    ast = c_parser.CParser().parse(text, path)
    cold = time.perf_counter() - start
    declarations = len(ast.ext)
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < 3:
        t0 = time.perf_counter()
        c_parser.CParser().parse(text, path)
        samples.append(time.perf_counter() - t0)
    warm = statistics.median(samples[len(samples) // 2:])
    for phase, secs in (("cold", cold), ("warm", warm)):
        print(f"phase={phase} input={path.rsplit('/', 1)[-1]} bytes_mb={megabytes:.3f} "
              f"declarations={declarations} seconds={secs:.5f} mb_per_s={megabytes / secs:.2f} "
              f"decls_per_s={declarations / secs:.0f}")


if __name__ == "__main__":
    main()
