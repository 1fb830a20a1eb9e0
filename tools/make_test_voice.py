#!/usr/bin/python3
"""Builds tiny Piper-signature ONNX test voices whose audio reveals what was fed to them.

Run with Debian's python3 (python3-onnx, numpy):  /usr/bin/python3 tools/make_test_voice.py
It rewrites the files under src/test/resources/voices/ (a few KB each, committed to git).

Decoding scheme (mirrored by the Java test helper dev.parley.tts.TestVoiceAudio):
  * K = max(1, round(SEGMENT * scales[1])) samples per segment, SEGMENT = 64, scales[1] = length_scale.
  * Each input id i becomes one segment of K samples with amplitude (i + 1) and a sign that
    alternates sample by sample within the segment (+a, -a, +a, ...): a square-wave "tone".
  * Multi-speaker models (input "sid") append sid extra segments of amplitude 1, so the speaker
    shows in the length: N + sid segments.
  * If input_lengths[0] != N the whole output is multiplied by 0 (silence), so a wrong
    input_lengths is visible too.
  * After Piper's peak normalisation (scale = 32767 / max|x|) segment amplitudes stay proportional
    to (id + 1). Every sentence starts with "^" (id 1, amplitude 2), so id = 2 * a / a_bos - 1; the
    helper refines this with the loudest segment for exact integers.
The output is named "output" with shape [1, 1, T] ([1, 1, 1, T] for the text voice, to cover
both shapes Piper models use). noise_scale and noise_w are accepted and ignored.
"""

import json
import os
import sys

import onnx
from onnx import TensorProto, helper

SEGMENT = 64
OPSET = 17
IR_VERSION = 8

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources", "voices")

# piper-phonemize's espeak phoneme/id map, the one the en_US piper-voices were trained with.
ESPEAK_IDS = [
    "_", "^", "$", " ", "!", "'", "(", ")", ",", "-", ".", ":", ";", "?",
    "a", "b", "c", "d", "e", "f", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
    "æ", "ç", "ð", "ø", "ħ", "ŋ", "œ", "ǀ", "ǁ", "ǂ", "ǃ", "ɐ", "ɑ", "ɒ", "ɓ", "ɔ", "ɕ", "ɖ",
    "ɗ", "ɘ", "ə", "ɚ", "ɛ", "ɜ", "ɞ", "ɟ", "ɠ", "ɡ", "ɢ", "ɣ", "ɤ", "ɥ", "ɦ", "ɧ", "ɨ", "ɪ",
    "ɫ", "ɬ", "ɭ", "ɮ", "ɯ", "ɰ", "ɱ", "ɲ", "ɳ", "ɴ", "ɵ", "ɶ", "ɸ", "ɹ", "ɺ", "ɻ", "ɽ", "ɾ",
    "ʀ", "ʁ", "ʂ", "ʃ", "ʄ", "ʈ", "ʉ", "ʊ", "ʋ", "ʌ", "ʍ", "ʎ", "ʏ", "ʐ", "ʑ", "ʒ", "ʔ", "ʕ",
    "ʘ", "ʙ", "ʛ", "ʜ", "ʝ", "ʟ", "ʡ", "ʢ", "ʲ", "ˈ", "ˌ", "ː", "ˑ", "˞", "β", "θ", "χ", "ᵻ",
    "ⱱ",
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "\u0327", "\u0303", "\u032a", "\u032f", "\u0329", "ʰ", "ˤ", "ε", "↓", "#", "\"", "↑",
    "\u033a", "\u033b", "g", "ʦ", "X", "\u031d", "\u030a",
]

TEXT_IDS = ["_", "^", "$", " ", "!", "'", ",", "-", ".", ":", ";", "?"] + \
    [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["\u0308", "\u0301"]


def const(name, value, dtype):
    array = helper.make_tensor(name, dtype, [len(value)], value)
    return helper.make_node("Constant", [], [name], value=array)


def scalar_const(name, value, dtype):
    array = helper.make_tensor(name, dtype, [], [value])
    return helper.make_node("Constant", [], [name], value=array)


def build_model(input_name="input", with_sid=False, output_rank=3, unknown_op=False):
    """The graph described in the module docstring; with unknown_op, one ONNX Runtime rejects."""
    nodes = [
        const("two_s_vec", [2], TensorProto.INT64),
        const("one_i", [1], TensorProto.INT64),
        const("two_i", [2], TensorProto.INT64),
        const("one_f", [1.0], TensorProto.FLOAT),
        const("two_f", [2.0], TensorProto.FLOAT),
        const("segment_f", [float(SEGMENT)], TensorProto.FLOAT),
        const("column_shape", [-1, 1], TensorProto.INT64),
        const("flat_shape", [-1], TensorProto.INT64),
        const("scalar_shape", [], TensorProto.INT64),
        const("out_shape", [1] * (output_rank - 1) + [-1], TensorProto.INT64),
        scalar_const("zero_s", 0, TensorProto.INT64),
        scalar_const("one_s", 1, TensorProto.INT64),
        # N, as a 1-element vector
        helper.make_node("Shape", [input_name], ["ids_shape"]),
        helper.make_node("Slice", ["ids_shape", "one_i", "two_i"], ["n"]),
        # K = max(1, round(SEGMENT * length_scale))
        helper.make_node("Slice", ["scales", "one_i", "two_i"], ["length_scale"]),
        helper.make_node("Mul", ["length_scale", "segment_f"], ["k_raw"]),
        helper.make_node("Round", ["k_raw"], ["k_round"]),
        helper.make_node("Max", ["k_round", "one_f"], ["k_f"]),
        helper.make_node("Cast", ["k_f"], ["k"], to=TensorProto.INT64),
        helper.make_node("Reshape", ["k", "scalar_shape"], ["k_s"]),
        # sign pattern +1, -1, +1, ... of length K
        helper.make_node("Range", ["zero_s", "k_s", "one_s"], ["positions"]),
        helper.make_node("Mod", ["positions", "two_s_vec"], ["parity"]),
        helper.make_node("Cast", ["parity"], ["parity_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["parity_f", "two_f"], ["parity_2"]),
        helper.make_node("Sub", ["one_f", "parity_2"], ["sign"]),
        # one segment of amplitude (id + 1) per id
        helper.make_node("Cast", [input_name], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Add", ["ids_f", "one_f"], ["amplitude"]),
        helper.make_node("Reshape", ["amplitude", "column_shape"], ["amplitude_col"]),
        helper.make_node("Concat", ["n", "k"], ["grid_shape"], axis=0),
        helper.make_node("Expand", ["amplitude_col", "grid_shape"], ["grid"]),
        helper.make_node("Mul", ["grid", "sign"], ["signed_grid"]),
        helper.make_node("Reshape", ["signed_grid", "flat_shape"], ["id_audio"]),
        # silence unless input_lengths == [N]
        helper.make_node("Equal", ["input_lengths", "n"], ["lengths_ok"]),
        helper.make_node("Cast", ["lengths_ok"], ["gate"], to=TensorProto.FLOAT),
    ]
    if with_sid:
        nodes += [
            helper.make_node("Concat", ["sid", "k"], ["tail_shape"], axis=0),
            helper.make_node("ConstantOfShape", ["tail_shape"], ["tail_grid"],
                             value=helper.make_tensor("tail_value", TensorProto.FLOAT, [1], [1.0])),
            helper.make_node("Mul", ["tail_grid", "sign"], ["signed_tail"]),
            helper.make_node("Reshape", ["signed_tail", "flat_shape"], ["tail_audio"]),
            helper.make_node("Concat", ["id_audio", "tail_audio"], ["all_audio"], axis=0),
        ]
        audio = "all_audio"
    else:
        audio = "id_audio"
    nodes.append(helper.make_node("Mul", [audio, "gate"], ["gated"]))
    if unknown_op:
        nodes.append(helper.make_node("ParleyUnknownOp", ["gated"], ["gated_unknown"]))
    nodes.append(helper.make_node("Reshape", ["gated_unknown" if unknown_op else "gated", "out_shape"], ["output"]))

    inputs = [
        helper.make_tensor_value_info(input_name, TensorProto.INT64, [1, "phonemes"]),
        helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
        helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
    ]
    if with_sid:
        inputs.append(helper.make_tensor_value_info("sid", TensorProto.INT64, [1]))
    output_shape = [1] * (output_rank - 1) + ["time"]
    outputs = [helper.make_tensor_value_info("output", TensorProto.FLOAT, output_shape)]
    graph = helper.make_graph(nodes, "parley_test_voice", inputs, outputs)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="parley make_test_voice.py")
    model.ir_version = IR_VERSION
    if not unknown_op:
        onnx.checker.check_model(model, full_check=True)
    return model


def voice_config(language, dataset, quality, sample_rate, espeak_voice, phoneme_type, symbols,
                 speakers=None):
    family, region = language.split("_")
    config = {
        "dataset": dataset,
        "audio": {"sample_rate": sample_rate, "quality": quality},
        "espeak": {"voice": espeak_voice},
        "language": {"code": language, "family": family, "region": region},
        "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
        "phoneme_type": phoneme_type,
        "phoneme_map": {},
        "phoneme_id_map": {symbol: [index] for index, symbol in enumerate(symbols)},
        "num_symbols": 256 if phoneme_type == "espeak" else len(symbols),
        "num_speakers": len(speakers) if speakers else 1,
        "speaker_id_map": {name: index for index, name in enumerate(speakers)} if speakers else {},
        "piper_version": "1.0.0",
    }
    return config


def write(name, model, config, folder=OUT):
    os.makedirs(folder, exist_ok=True)
    onnx.save(model, os.path.join(folder, name + ".onnx"))
    if config is not None:
        with open(os.path.join(folder, name + ".onnx.json"), "w", encoding="utf-8") as out:
            json.dump(config, out, ensure_ascii=False, indent=2)
            out.write("\n")


def main():
    write("en_US-test-x_low", build_model(),
          voice_config("en_US", "test", "x_low", 16000, "en-us", "espeak", ESPEAK_IDS))
    write("en_GB-testmulti-low", build_model(with_sid=True),
          voice_config("en_GB", "testmulti", "low", 16000, "en-gb", "espeak", ESPEAK_IDS,
                       speakers=["alice", "bob", "carol"]))
    write("de_DE-testtext-low", build_model(output_rank=4),
          voice_config("de_DE", "testtext", "low", 22050, "de", "text", TEXT_IDS))
    # A model whose first input is named "tokens": its config is fine, its graph's inputs are not.
    write("en_US-wronginputs-low", build_model(input_name="tokens"),
          voice_config("en_US", "wronginputs", "low", 16000, "en-us", "espeak", ESPEAK_IDS),
          folder=os.path.join(OUT, "broken"))
    # Piper's inputs and outputs, but a node ONNX Runtime does not know: only loading it fails.
    write("en_US-badgraph-low", build_model(unknown_op=True),
          voice_config("en_US", "badgraph", "low", 16000, "en-us", "espeak", ESPEAK_IDS),
          folder=os.path.join(OUT, "broken"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
