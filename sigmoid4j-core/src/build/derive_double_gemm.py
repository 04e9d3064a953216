#!/usr/bin/env python3
"""Regenerates the double half of PanamaGemm.java from its float half (one source of truth).

Usage: python3 sigmoid4j-core/src/build/derive_double_gemm.py   (from the repository root)
Edit only the float half (between the '---- float' and '---- double' markers), then run this.
"""
import re
import pathlib

path = pathlib.Path(__file__).resolve().parents[1] / "src/main/java/org/sigmoid4j/internal/linalg/PanamaGemm.java"
if not path.exists():
    path = pathlib.Path(__file__).resolve().parents[1] / "main/java/org/sigmoid4j/internal/linalg/PanamaGemm.java"
src = path.read_text()
f0 = src.index("    // ---------------------------------------------------------------- float")
d0 = src.index("    // ---------------------------------------------------------------- double")
end = src.rstrip().rindex("}")
head, flt = src[:f0], src[f0:d0]
dbl = flt
for a, b in [("FloatVector", "DoubleVector"), ("VectorMask<Float>", "VectorMask<Double>"), ("float[]", "double[]"),
             ("floatA", "doubleA"), ("floatB", "doubleB"), ("floatTile", "doubleTile"),
             ("kernelF", "kernelD"), ("kernelHalfF", "kernelHalfD"), ("addTileF", "addTileD"), ("packAF", "packAD"), ("packBF", "packBD"),
             (", 0f)", ", 0d)"), (" : 0f;", " : 0d;"), (" = 0f;", " = 0d;"), ("-- float", "-- double")]:
    dbl = dbl.replace(a, b)
dbl = re.sub(r"\bSF\b", "SD", dbl)
dbl = re.sub(r"\b0f\b", "0d", dbl)
leftover = [l for l in dbl.splitlines() if re.search(r"\bfloat\b|Float(?!ing)", l)]
if leftover:
    raise SystemExit("float left in the double half:\n" + "\n".join(leftover))
path.write_text(head + flt.rstrip() + "\n\n" + dbl.rstrip() + "\n}\n")
print("wrote", path)
