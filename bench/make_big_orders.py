"""A large Shopify orders export for timing the import (docs/PERFORMANCE.md, round 32).

    python -m bench.make_big_orders OUT.csv [--orders N]

The rows of a real export (``be_shop_orders_export_1.csv`` in the shared data) repeated, each
copy an order of its own: a distinct order number, Id, e-mail and customer name, the same
deterministic output for the same N. 112,094 orders make a file just under the 50 MiB limit.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
from pathlib import Path

SOURCE = Path("/work/shared/data/shop-exports/orders/shopify/be_shop_orders_export_1.csv")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 10))).capitalize()


def make(out: Path, orders: int, source: Path = SOURCE) -> None:
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    by_order: dict[str, list[list[str]]] = {}
    for row in body:
        by_order.setdefault(row[col["Name"]], []).append(row)
    templates = list(by_order.values())
    rng = random.Random(32)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for n in range(1, orders + 1):
            name = f"{_word(rng)} {_word(rng)}"
            for row in templates[(n - 1) % len(templates)]:
                row = list(row)
                row[col["Name"]] = f"#{100000 + n}"
                row[col["Id"]] = str(4000000000000 + n)
                if row[col["Email"]]:
                    row[col["Email"]] = f"c{n}@example.com"
                for side in ("Billing Name", "Shipping Name"):
                    if row[col[side]]:
                        row[col[side]] = name
                writer.writerow(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--orders", type=int, default=112_094)
    args = parser.parse_args()
    make(args.out, args.orders)


if __name__ == "__main__":
    main()
