"""Solution of `lab exercise make softmax-loss`: reads problem.json, writes submission.json.

    python3 softmax_loss.py path/to/problem-folder
    lab grade softmax-loss path/to/problem-folder/submission.json --student <ID>
"""
import json
import sys
from pathlib import Path

import numpy as np


def softmax_loss(scores, y):
    """Mean cross-entropy of softmax(scores) [N, C] against labels y [N], and its gradient."""
    shifted = scores - scores.max(axis=1, keepdims=True)   # exp never overflows
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = scores.shape[0]
    loss = -log_p[np.arange(n), y].mean()
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1
    return loss, dscores / n


folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
p = json.loads((folder / "problem.json").read_text())["inputs"]
scores = np.array(p["scores"], dtype=np.float64)
y = np.array(p["y"], dtype=np.int64)

loss, dscores = softmax_loss(scores, y)
initial_loss, _ = softmax_loss(np.zeros_like(scores), y)   # should be log C
answer = {"loss": float(loss), "dscores": dscores.tolist(), "initial_loss": float(initial_loss)}
with open(folder / "submission.json", "w") as f:
    json.dump(answer, f, allow_nan=False)
print("wrote", folder / "submission.json", f"(initial loss {initial_loss:.4f}, log C = {np.log(scores.shape[1]):.4f})")
