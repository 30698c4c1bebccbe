#!/usr/bin/env python3
"""ROUGE F1 of summaries, as the StudyEngine bench reports it.

Input: a JSONL file, one object per line with `set` (e.g. cnndm), `system` (e.g. ours,
lead3), `prediction` and `reference`, each a string whose sentences are separated by
newlines, and optionally `half` (e.g. even/odd: a deterministic split of the set, tuned on
one half and held out on the other). Output: one line per set, system and metric,
`rouge1_cnndm_ours 42.10 F1`, averaged over documents, and the same per half,
`rouge1_cnndm_odd_ours 41.80 F1`, with the `rouge-score` package (stemming on), the same
way as shared/eval/summaries/README.md computes its reference figures.
"""
import json
import sys
from collections import defaultdict

try:
    from rouge_score import rouge_scorer
except ImportError:
    print("rouge_skipped 0 n/a  # python package rouge-score is missing: pip install rouge-score")
    sys.exit(0)


def main(path):
    metrics = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(metrics, use_stemmer=True)
    totals = defaultdict(lambda: defaultdict(float))
    counts = defaultdict(int)
    order = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["set"], row["system"])
            scores = scorer.score(row["reference"], row["prediction"])
            keys = [key]
            if row.get("half"):
                keys.append((row["set"] + "_" + row["half"], row["system"]))
            for k in keys:
                if k not in counts:
                    order.append(k)
                counts[k] += 1
                for metric in metrics:
                    totals[k][metric] += scores[metric].fmeasure
    for key in order:
        data_set, system = key
        for metric in metrics:
            value = 100 * totals[key][metric] / counts[key]
            print(f"{metric}_{data_set}_{system} {value:.2f} F1")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: rouge_eval.py PREDICTIONS.jsonl", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
