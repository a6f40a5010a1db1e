#!/usr/bin/python3
"""Trains the course's reference models on scikit-learn's digits and writes Lectern's test fixtures.

Run with Debian's Python (python3-torch, python3-onnx, python3-sklearn, python3-numpy):

    /usr/bin/python3 models/train_digits.py

Everything is seeded and runs on one CPU thread, so a rerun on the same library versions rewrites
the same files. What it writes (all under models/, see models/README.md for the formats):

    digits-cnn.onnx            the reference CNN, input "input" [N,1,8,8] float32 (pixels / 16), output "logits" [N,10]
    digits-mlp.onnx            a deliberately weaker model (one hidden layer of 16, two epochs) for leaderboard variety
    digits-models.json         accuracy, top-3 accuracy and macro-F1 of both per split, from PyTorch and scikit-learn
    digits-eval/               the hidden evaluation data: the test split, public and private halves
        data.json              header: shape, dtype, byte order, layout, file names
        images.f32             raw pixel values 0..16, float32 little-endian, [N,1,8,8] row-major
        labels.csv             id,label,split
        torch-predictions.csv  id,prediction,logit_0..logit_9 of the CNN under PyTorch
    fixtures/                  broken and hostile models for the validator and the isolation tests
"""

import csv
import json
import os
import random

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper
from sklearn.datasets import load_digits
from sklearn.metrics import f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split

SEED = 20261123
HERE = os.path.dirname(os.path.abspath(__file__))
EVAL_DIR = os.path.join(HERE, "digits-eval")
TRAIN_DIR = os.path.join(HERE, "digits-train")
FIXTURES = os.path.join(HERE, "fixtures")
OPSET = 13


def seed_everything():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


class DigitsCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(1, 16, kernel_size=3, padding=1), torch.nn.ReLU(),
            torch.nn.Conv2d(16, 32, kernel_size=3, padding=1), torch.nn.ReLU(),
            torch.nn.MaxPool2d(2))
        self.classifier = torch.nn.Sequential(
            torch.nn.Flatten(), torch.nn.Linear(32 * 4 * 4, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


class DigitsMlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Flatten(), torch.nn.Linear(64, 16), torch.nn.ReLU(), torch.nn.Linear(16, 10))

    def forward(self, x):
        return self.net(x)


def train(model, x, y, epochs, lr):
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(SEED)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            optimiser.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimiser.step()
    model.eval()
    return model


def export(model, path):
    torch.onnx.export(
        model, torch.zeros(1, 1, 8, 8), path, input_names=["input"], output_names=["logits"],
        dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}}, opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(path))


class DigitsCnnExplained(torch.nn.Module):
    """The trained CNN with what the live exercise shows: logits, the first layer's ReLU activations
    [N,16,8,8] and its filters [16,1,3,3] (through an Identity node, so that they are a graph output)."""
    def __init__(self, cnn):
        super().__init__()
        self.cnn = cnn

    def forward(self, x):
        conv1 = self.cnn.features[0]
        activations = torch.relu(conv1(x))
        return self.cnn(x), activations, torch.nn.functional.dropout(conv1.weight, p=0.0, training=False)


def export_explained(cnn, path):
    torch.onnx.export(
        DigitsCnnExplained(cnn), torch.zeros(1, 1, 8, 8), path, input_names=["input"],
        output_names=["logits", "activations", "filters"],
        dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}, "activations": {0: "N"}},
        opset_version=OPSET, do_constant_folding=False)
    model = onnx.load(path)
    onnx.checker.check_model(model)


def accuracy(predictions, labels):
    return float(np.mean(predictions == labels))


def write_eval_data(images, labels, splits, folder=None,
                    description="scikit-learn digits, test split (25%, stratified); raw pixel values 0..16"):
    """images: uint-valued float32 [N,8,8] (0..16); labels: int [N]; splits: list of 'public'/'private'."""
    EVAL_DIR = folder or globals()["EVAL_DIR"]
    os.makedirs(EVAL_DIR, exist_ok=True)
    n = len(labels)
    pixels = images.reshape(n, 1, 8, 8).astype("<f4")
    with open(os.path.join(EVAL_DIR, "images.f32"), "wb") as out:
        out.write(pixels.tobytes(order="C"))
    with open(os.path.join(EVAL_DIR, "labels.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "label", "split"])
        for i in range(n):
            writer.writerow([i, int(labels[i]), splits[i]])
    header = {
        "format": "lectern-eval-v1",
        "images": "images.f32",
        "labels": "labels.csv",
        "dtype": "float32",
        "byteOrder": "little",
        "layout": "NCHW",
        "shape": [n, 1, 8, 8],
        "classes": 10,
        "valueRange": [0, 16],
        "description": description,
    }
    with open(os.path.join(EVAL_DIR, "data.json"), "w") as out:
        json.dump(header, out, indent=2)
        out.write("\n")


def write_torch_predictions(logits):
    with open(os.path.join(EVAL_DIR, "torch-predictions.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "prediction"] + [f"logit_{c}" for c in range(logits.shape[1])])
        for i, row in enumerate(logits):
            # Nine significant digits round-trip a float32 exactly.
            writer.writerow([i, int(np.argmax(row))] + [np.format_float_scientific(v, precision=8) for v in row])


def save(model_proto, name):
    onnx.checker.check_model(model_proto)
    onnx.save(model_proto, os.path.join(FIXTURES, name))


def tensor(name, shape, values):
    return helper.make_tensor(name, TensorProto.FLOAT, shape, np.asarray(values, dtype=np.float32).ravel().tolist())


def write_fixtures():
    """Small broken and hostile models. The too-large one is made by the Java tests at test time."""
    os.makedirs(FIXTURES, exist_ok=True)
    rng = np.random.default_rng(SEED)
    opset = [helper.make_opsetid("", OPSET)]

    # Random bytes: not a protobuf ModelProto at all.
    with open(os.path.join(FIXTURES, "random-bytes.onnx"), "wb") as out:
        out.write(rng.integers(0, 256, size=4096, dtype=np.uint8).tobytes())

    # Trained for CIFAR-sized colour images: input 'x' [N,3,32,32].
    graph = helper.make_graph(
        [helper.make_node("GlobalAveragePool", ["x"], ["pooled"]),
         helper.make_node("Flatten", ["pooled"], ["flat"]),
         helper.make_node("Gemm", ["flat", "w", "b"], ["logits"])],
        "wrong_input",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 32, 32])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 10])],
        [tensor("w", [3, 10], rng.standard_normal((3, 10))), tensor("b", [10], np.zeros(10))])
    save(helper.make_model(graph, opset_imports=opset, producer_name="lectern-fixtures"), "wrong-input-shape.onnx")

    # Two outputs (logits and probabilities) where the assignment wants one.
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["input"], ["flat"]),
         helper.make_node("Gemm", ["flat", "w", "b"], ["logits"]),
         helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1)],
        "two_outputs",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 1, 8, 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 10]),
         helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 10])],
        [tensor("w", [64, 10], rng.standard_normal((64, 10)) * 0.1), tensor("b", [10], np.zeros(10))])
    save(helper.make_model(graph, opset_imports=opset, producer_name="lectern-fixtures"), "two-outputs.onnx")

    # Opset 7: a linear model that ONNX Runtime would still run, below the assignments' minimum of 11.
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["input"], ["flat"]),
         helper.make_node("Gemm", ["flat", "w", "b"], ["logits"])],
        "old_opset",
        # IR version 3 lists initializers among the graph inputs too; the validator must not count them.
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 1, 8, 8]),
         helper.make_tensor_value_info("w", TensorProto.FLOAT, [64, 10]),
         helper.make_tensor_value_info("b", TensorProto.FLOAT, [10])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 10])],
        [tensor("w", [64, 10], rng.standard_normal((64, 10)) * 0.1), tensor("b", [10], np.zeros(10))])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 7)], producer_name="lectern-fixtures")
    model.ir_version = 3
    save(model, "opset-7.onnx")

    # A valid model whose Loop runs 2^62 times: right shapes, passes validation, never finishes.
    body = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
         helper.make_node("Mul", ["acc_in", "one"], ["acc_out"])],
        "spin",
        [helper.make_tensor_value_info("i", TensorProto.INT64, []),
         helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
         helper.make_tensor_value_info("acc_in", TensorProto.FLOAT, ["N", 10])],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("acc_out", TensorProto.FLOAT, ["N", 10])],
        [tensor("one", [], [1.0])])
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["input"], ["flat"]),
         helper.make_node("Gemm", ["flat", "w", "b"], ["start"]),
         helper.make_node("Loop", ["trips", "keep_going", "start"], ["logits"], body=body)],
        "endless_loop",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 1, 8, 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 10])],
        [tensor("w", [64, 10], rng.standard_normal((64, 10)) * 0.1), tensor("b", [10], np.zeros(10)),
         helper.make_tensor("trips", TensorProto.INT64, [], [1 << 62]),
         helper.make_tensor("keep_going", TensorProto.BOOL, [], [True])])
    save(helper.make_model(graph, opset_imports=opset, producer_name="lectern-fixtures"), "endless-loop.onnx")


def main():
    seed_everything()
    digits = load_digits()
    images = digits.images.astype(np.float32)  # [1797, 8, 8], values 0..16
    labels = digits.target.astype(np.int64)
    train_idx, test_idx = train_test_split(
        np.arange(len(labels)), test_size=0.25, random_state=0, stratify=labels)
    test_idx = np.sort(test_idx)
    public_idx, _ = train_test_split(np.arange(len(test_idx)), test_size=0.5, random_state=1,
                                     stratify=labels[test_idx])
    public = set(public_idx.tolist())
    splits = ["public" if i in public else "private" for i in range(len(test_idx))]

    def as_input(idx):
        return torch.from_numpy(images[idx].reshape(-1, 1, 8, 8) / np.float32(16.0))

    x_train, y_train = as_input(train_idx), torch.from_numpy(labels[train_idx])
    x_test, y_test = as_input(test_idx), labels[test_idx]

    cnn = train(DigitsCnn(), x_train, y_train, epochs=20, lr=2e-3)
    mlp = train(DigitsMlp(), x_train, y_train, epochs=2, lr=1e-2)

    os.makedirs(EVAL_DIR, exist_ok=True)
    export(cnn, os.path.join(HERE, "digits-cnn.onnx"))
    export(mlp, os.path.join(HERE, "digits-mlp.onnx"))
    write_eval_data(images[test_idx], y_test, splits)
    export_explained(cnn, os.path.join(HERE, "digits-cnn-explained.onnx"))
    train_sorted = np.sort(train_idx)
    write_eval_data(images[train_sorted], labels[train_sorted], ["public"] * len(train_sorted), TRAIN_DIR,
                    "scikit-learn digits, training split (75%, stratified): the course dataset for live exercises"
                    " and training runs; never the hidden evaluation data; raw pixel values 0..16")

    report = {"torch": torch.__version__, "onnx": onnx.__version__, "opset": OPSET, "seed": SEED,
              "train_images": int(len(train_idx)), "test_images": int(len(test_idx)),
              "public_images": splits.count("public"), "private_images": splits.count("private"), "models": {}}
    split_mask = {name: np.array([s == name for s in splits]) for name in ("public", "private")}
    for name, model in (("digits-cnn", cnn), ("digits-mlp", mlp)):
        with torch.no_grad():
            logits = model(x_test).numpy()
        predictions = logits.argmax(axis=1)
        if name == "digits-cnn":
            write_torch_predictions(logits)
        entry = {
            "file": name + ".onnx",
            "parameters": int(sum(p.numel() for p in model.parameters())),
            "test_accuracy": accuracy(predictions, y_test),
            "test_correct": int(np.sum(predictions == y_test)),
        }
        for split, mask in split_mask.items():
            entry[f"{split}_accuracy"] = accuracy(predictions[mask], y_test[mask])
            entry[f"{split}_top3_accuracy"] = float(top_k_accuracy_score(y_test[mask], logits[mask], k=3,
                                                                         labels=np.arange(10)))
            entry[f"{split}_macro_f1"] = float(f1_score(y_test[mask], predictions[mask], average="macro"))
        report["models"][name] = entry
    with open(os.path.join(HERE, "digits-models.json"), "w") as out:
        json.dump(report, out, indent=2)
        out.write("\n")

    write_fixtures()
    for name, entry in report["models"].items():
        print(f"{name}: {entry['parameters']} parameters, test accuracy {entry['test_accuracy']:.4f} "
              f"({entry['test_correct']}/{report['test_images']}), public {entry['public_accuracy']:.4f}, "
              f"private {entry['private_accuracy']:.4f}")


if __name__ == "__main__":
    main()
