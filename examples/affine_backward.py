"""Solution of `lab exercise make affine-backward`: reads problem.json, writes submission.json.

    python3 affine_backward.py path/to/problem-folder
    lab grade affine-backward path/to/problem-folder/submission.json --student <ID>
"""
import json
import sys
from pathlib import Path

import numpy as np

folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
p = json.loads((folder / "problem.json").read_text())["inputs"]
x, W, dout = (np.array(p[k], dtype=np.float64) for k in ("x", "W", "dout"))

answer = {
    "dx": dout @ W.T,          # [N, D]
    "dW": x.T @ dout,          # [D, M]
    "db": dout.sum(axis=0),    # [M]: the bias is added to every row
}
# allow_nan=False: a NaN would make the file invalid JSON anyway; fail here, not at grading.
with open(folder / "submission.json", "w") as f:
    json.dump({k: v.tolist() for k, v in answer.items()}, f, allow_nan=False)
print("wrote", folder / "submission.json")
