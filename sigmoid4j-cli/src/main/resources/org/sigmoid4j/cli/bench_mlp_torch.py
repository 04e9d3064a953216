# The PyTorch side of `sigmoid4j bench mlp`: the same network, loss, optimiser, batch sizes and
# data as the Java side, one thread. Usage: bench_mlp_torch.py DATA ROWS WARMUP REPEATS
# DATA: ROWS x 784 float32 little-endian pixels, then ROWS int32 little-endian labels.
# Prints one JSON object per configuration, one per line.
import json
import sys
import time


def main():
    path, rows, warmup, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    clock = time.thread_time if len(sys.argv) > 5 and sys.argv[5] == "cpu" else time.perf_counter
    import numpy as np
    import torch

    torch.set_num_threads(1)
    raw = open(path, "rb").read()
    x = np.frombuffer(raw, dtype="<f4", count=rows * 784).reshape(rows, 784)
    y = np.frombuffer(raw, dtype="<i4", count=rows, offset=rows * 784 * 4).astype(np.int64)
    blas = "unknown"
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower()}
        blas = ", ".join(sorted(libs)) or "none loaded"
    except OSError:
        pass
    for precision, dtype in (("f32", torch.float32), ("f64", torch.float64)):
        xs = torch.from_numpy(x.copy()).to(dtype)
        ys = torch.from_numpy(y.copy())
        for batch in (32, 256):
            torch.manual_seed(1)
            net = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.Sigmoid(), torch.nn.Linear(100, 10)).to(dtype)
            opt = torch.optim.SGD(net.parameters(), lr=0.1)
            loss_fn = torch.nn.CrossEntropyLoss()
            batches = rows // batch
            sps = []
            for e in range(warmup + repeats):
                t0 = clock()
                for b in range(batches):
                    xb = xs[b * batch:(b + 1) * batch]
                    yb = ys[b * batch:(b + 1) * batch]
                    opt.zero_grad()
                    loss = loss_fn(net(xb), yb)
                    loss.backward()
                    opt.step()
                dt = clock() - t0
                if e >= warmup:
                    sps.append(batches * batch / dt)
            sps.sort()
            n = len(sps)
            med = sps[n // 2] if n % 2 else 0.5 * (sps[n // 2 - 1] + sps[n // 2])
            print(json.dumps({"impl": "torch", "precision": precision, "batch": batch,
                              "samples_per_second": med, "repeats": sps,
                              "torch": torch.__version__, "blas": blas}), flush=True)


if __name__ == "__main__":
    main()
