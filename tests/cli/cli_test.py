#!/usr/bin/env python3
"""Tests of the econind command-line tool.

usage: cli_test.py CLI SOURCE_DIR GROUP [unittest options]

GROUP names one test class below (inputs, encodings, jsonl, parallel, errors, output, table,
progress, compat). Every test works in a scratch directory of its own; the GBK, GB18030, Big5 and
UTF-16 fixtures are made there from the sample articles and the corpus with Python's codecs.
"""
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import unittest

CLI = ""
SRC = ""

SUMMARY = re.compile(r"econind: (\d+) documents?, (\d+) indicators?, (\d+) errors?, [0-9.]+ MB/s\n")
FIELDS = ["doc", "kind", "value", "value_max", "unit", "qualifier", "text", "begin", "end", "subject",
          "industry", "metric", "year", "rank_of", "change_from", "sentence"]
UNDETECTABLE = "cannot tell the encoding: not UTF-8, UTF-16 with BOM, GB18030 or Big5 (see --encoding)"


def article(name):
    return os.path.join(SRC, "examples", "articles", name)


def corpus_doc(name):
    return os.path.join(SRC, "tests", "corpus", "docs", name)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def firms(n):
    """A one-sentence article with exactly one figure: n enterprises."""
    return "园区内集聚企业%d家。" % n


def jsonl_line(doc_id, text, date=None):
    d = {"id": doc_id, "text": text}
    if date:
        d["date"] = date
    return json.dumps(d, ensure_ascii=False) + "\n"


def wait_for(predicate, what):
    """Waits for a condition of the file system or a process; fails after a generous minute."""
    deadline = time.monotonic() + 60
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("gave up waiting for " + what)
        time.sleep(0.01)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="econind-cli-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, data):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return name

    def run_cli(self, args, stdin=None):
        if isinstance(stdin, str):
            stdin = stdin.encode("utf-8")
        p = subprocess.run([CLI] + args, input=stdin, capture_output=True, cwd=self.tmp)
        return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

    def cli(self, args, stdin=None, status=0, messages=(), summary=None):
        """Runs the CLI; checks its exit status, that standard error holds exactly `messages`
        and the summary line, and (when given) the summary's (documents, indicators, errors).
        Returns standard output."""
        rc, out, err = self.run_cli(args, stdin)
        lines = err.splitlines(keepends=True)
        self.assertTrue(lines and SUMMARY.fullmatch(lines[-1]), "no summary line in: %r" % err)
        self.assertEqual(lines[:-1], [m + "\n" for m in messages])
        if summary is not None:
            self.assertEqual(tuple(int(x) for x in SUMMARY.fullmatch(lines[-1]).groups()), summary)
        self.assertEqual(rc, status, err)
        return out


class Inputs(CliTest):
    """Files, several files, directories (recursive, glob filter), standard input."""

    def test_one_file(self):
        shutil.copy(article("hefei_hitech_zh.txt"), self.path("hefei.txt"))
        out = self.cli(["extract", "hefei.txt"], summary=(1, 17, 0))
        rs = records(out)
        self.assertEqual(len(rs), 17)
        data = open(self.path("hefei.txt"), "rb").read()
        for r in rs:
            self.assertEqual(r["doc"], "hefei.txt")
            self.assertEqual(data[r["begin"]:r["end"]].decode("utf-8"), r["text"])
        self.assertEqual((rs[0]["kind"], rs[0]["value"], rs[0]["unit"], rs[0]["qualifier"]),
                         ("money", 150000000000, "CNY", "more_than"))

    def test_several_files_in_argument_order(self):
        for n in (1, 2, 3):
            self.write("f%d.txt" % n, firms(n))
        out = self.cli(["extract", "f3.txt", "f1.txt", "f2.txt"], summary=(3, 3, 0))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)],
                         [("f3.txt", 3), ("f1.txt", 1), ("f2.txt", 2)])

    def make_tree(self):
        self.write("d/b.txt", firms(2))
        self.write("d/a.txt", firms(1))
        self.write("d/sub/c.txt", firms(3))
        self.write("d/sub/deeper/e.txt", firms(5))
        self.write("d/.hidden/f.txt", firms(6))
        self.write("d/.g.txt", firms(7))
        self.write("d/notes.md", firms(8))
        self.write("d/b.TXT", firms(9))

    def docs(self, args, summary=None):
        return [(r["doc"], r["value"]) for r in records(self.cli(["extract"] + args, summary=summary))]

    def test_directory_is_searched_recursively_in_name_order(self):
        self.make_tree()
        self.assertEqual(self.docs(["d"], summary=(4, 4, 0)),
                         [("d/a.txt", 1), ("d/b.txt", 2), ("d/sub/c.txt", 3), ("d/sub/deeper/e.txt", 5)])

    def test_glob_filters_directories(self):
        self.make_tree()
        self.assertEqual(self.docs(["-g", "*.md", "d"]), [("d/notes.md", 8)])
        self.assertEqual(self.docs(["-g", "*.md", "-g", "[ab].*", "d"]),
                         [("d/a.txt", 1), ("d/b.TXT", 9), ("d/b.txt", 2), ("d/notes.md", 8)])
        self.assertEqual(self.docs(["--glob", "sub/*.txt", "d"]), [("d/sub/c.txt", 3)])
        self.assertEqual(self.docs(["--glob", "*/*/?.txt", "d"]), [("d/sub/deeper/e.txt", 5)])
        self.assertEqual(self.docs(["--glob", "[!a-b].txt", "d"]), [("d/sub/c.txt", 3), ("d/sub/deeper/e.txt", 5)])

    def test_files_named_explicitly_are_read_whatever_the_glob(self):
        self.make_tree()
        self.assertEqual(self.docs(["-g", "*.md", "d/a.txt", "d/.g.txt", "d/sub"]),
                         [("d/a.txt", 1), ("d/.g.txt", 7)])

    def test_standard_input(self):
        self.assertEqual([(r["doc"], r["value"]) for r in records(self.cli(["extract", "-"], stdin=firms(4)))],
                         [("-", 4)])
        self.assertEqual([(r["doc"], r["value"]) for r in records(self.cli(["extract"], stdin=firms(4)))],
                         [("-", 4)])
        self.write("a.txt", firms(1))
        self.write("b.txt", firms(2))
        out = self.cli(["extract", "a.txt", "-", "b.txt"], stdin=firms(4), summary=(3, 3, 0))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a.txt", 1), ("-", 4), ("b.txt", 2)])


class Encodings(CliTest):
    """UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK, Big5: detected or given."""

    def same_records(self, original, encoded, encoding):
        """`encoded` holds the records of the text of `original` read from another encoding."""
        self.assertEqual(len(encoded), len(original))
        self.assertGreater(len(original), 3)
        for o, e in zip(original, encoded):
            self.assertEqual(list(e), FIELDS + ["encoding", "offsets"])
            self.assertEqual(e["encoding"], encoding)
            self.assertEqual(e["offsets"], "decoded-utf8")
            for k in FIELDS[1:]:
                self.assertEqual(e[k], o[k], k)

    def check_encoded(self, source, codec, name, args=(), prefix=b""):
        text = read_text(source)
        self.write("orig.txt", text)
        self.write("enc.txt", prefix + text.encode(codec))
        original = records(self.cli(["extract", "orig.txt"]))
        encoded = records(self.cli(["extract"] + list(args) + ["enc.txt"]))
        self.same_records(original, encoded, name)
        utf8 = text.encode("utf-8")
        for r in encoded:  # the offsets count bytes of the decoded text
            self.assertEqual(utf8[r["begin"]:r["end"]].decode("utf-8"), r["text"])

    def test_gbk_detected(self):
        self.check_encoded(article("hefei_hitech_zh.txt"), "gbk", "GB18030")

    def test_gb18030_detected(self):
        self.check_encoded(corpus_doc("zh_hans_03_hefei.txt"), "gb18030", "GB18030")

    def test_gb18030_beyond_gbk(self):
        text = "𠀀科技园区集聚企业1200家，产值突破1500亿元。" + read_text(corpus_doc("zh_hans_04_xian.txt"))
        self.write("enc.txt", text.encode("gb18030"))
        rs = records(self.cli(["extract", "enc.txt"]))
        self.assertEqual((rs[0]["value"], rs[0]["encoding"], rs[0]["begin"]), (1200, "GB18030", 28))
        self.assertEqual(rs[0]["sentence"], "𠀀科技园区集聚企业1200家，产值突破1500亿元。")

    def test_big5_detected(self):
        self.check_encoded(corpus_doc("zh_hant_03_kunshan.txt"), "big5", "Big5")
        self.check_encoded(corpus_doc("zh_hant_05_xian.txt"), "big5", "Big5")

    def test_utf16_with_bom_detected(self):
        self.check_encoded(corpus_doc("zh_hant_03_kunshan.txt"), "utf-16-le", "UTF-16LE", prefix=b"\xff\xfe")
        self.check_encoded(article("hefei_hitech_zh.txt"), "utf-16-be", "UTF-16BE", prefix=b"\xfe\xff")

    def test_encoding_given(self):
        self.check_encoded(article("hefei_hitech_zh.txt"), "gbk", "GBK", args=["--encoding", "gbk"])
        self.check_encoded(article("hefei_hitech_zh.txt"), "gb18030", "GB18030", args=["-e", "GB18030"])
        self.check_encoded(corpus_doc("zh_hant_06_suzhou.txt"), "big5", "Big5", args=["-e", "big5"])
        self.check_encoded(corpus_doc("zh_hant_06_suzhou.txt"), "utf-16", "UTF-16", args=["-e", "utf-16"])

    def test_utf8_offsets_are_the_files_even_with_bom(self):
        text = read_text(article("hefei_hitech_zh.txt"))
        self.write("orig.txt", text)
        self.write("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
        original = records(self.cli(["extract", "orig.txt"]))
        with_bom = records(self.cli(["extract", "bom.txt"]))
        self.assertEqual(len(with_bom), len(original))
        data = open(self.path("bom.txt"), "rb").read()
        for o, b in zip(original, with_bom):
            self.assertEqual(list(b), FIELDS)
            self.assertEqual((b["begin"], b["end"]), (o["begin"] + 3, o["end"] + 3))
            self.assertEqual(data[b["begin"]:b["end"]].decode("utf-8"), b["text"])
        # Given explicitly, the same.
        self.assertEqual(records(self.cli(["extract", "-e", "utf-8", "bom.txt"])), with_bom)

    def test_standard_input_in_another_encoding(self):
        text = read_text(corpus_doc("zh_hant_03_kunshan.txt"))
        self.write("orig.txt", text)
        original = records(self.cli(["extract", "orig.txt"]))
        self.same_records(original, records(self.cli(["extract"], stdin=text.encode("big5"))), "Big5")
        self.same_records(original, records(self.cli(["extract", "-e", "big5", "-"], stdin=text.encode("big5"))),
                          "Big5")

    def test_csv_says_so_too(self):
        self.write("enc.txt", read_text(article("hefei_hitech_zh.txt")).encode("gbk"))
        self.write("utf8.txt", firms(12))
        lines = self.cli(["extract", "--format", "csv", "enc.txt", "utf8.txt"]).splitlines()
        self.assertEqual(lines[0], ",".join(FIELDS) + ",encoding,offsets")
        self.assertEqual(len(lines), 1 + 17 + 1)
        self.assertTrue(all(l.endswith(",GB18030,decoded-utf8") for l in lines[1:18]))
        self.assertTrue(lines[1].startswith("enc.txt,money,150000000000,,CNY,more_than,突破 1500 亿元,238,256,"))
        self.assertTrue(lines[18].startswith("utf8.txt,count,12,,家,exact,12家,21,26,"))
        self.assertTrue(lines[18].endswith(",,"))


class Jsonl(CliTest):
    """--input-format jsonl: one {"id", "text", "date"} per line, records carry the id."""

    def test_ids_and_dates(self):
        stdin = (jsonl_line("a1", "今年全区产值突破1500亿元。", "2023-05-16") + jsonl_line("a2", firms(3)) +
                 '{"id": 17, "text": "今年营业收入420亿元。", "date": null, "url": "http://example.com"}\n')
        out = self.cli(["extract", "--input-format", "jsonl"], stdin=stdin, summary=(3, 3, 0))
        self.assertEqual([(r["doc"], r["kind"], r["value"], r["year"]) for r in records(out)],
                         [("a1", "money", 150000000000, 2023), ("a2", "count", 3, None),
                          ("17", "money", 42000000000, None)])
        self.assertTrue(all(list(r) == FIELDS for r in records(out)))

    def test_same_records_as_text_files(self):
        names = ["hefei_hitech_zh.txt", "kunshan_artifact_zh_hant.txt", "wuhan_optics_valley_en.txt"]
        for n in names:
            shutil.copy(article(n), self.path(n))
        stdin = "".join(jsonl_line(n, read_text(article(n))) for n in names)
        self.assertEqual(self.cli(["extract", "-i", "jsonl"], stdin=stdin), self.cli(["extract"] + names))

    def test_bom_crlf_and_blank_lines(self):
        data = ("\ufeff" + jsonl_line("a", firms(1)).replace("\n", "\r\n") + "\n   \n" + jsonl_line("b", firms(2)) +
                "\r\n" + "{broken\n" + jsonl_line("c", firms(3)).rstrip("\n"))
        self.write("in.jsonl", data)
        out = self.cli(["extract", "-i", "jsonl", "in.jsonl"], status=1,
                       messages=["econind: in.jsonl:6: invalid JSON at byte offset 1"], summary=(3, 3, 1))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a", 1), ("b", 2), ("c", 3)])

    def test_files_and_directories(self):
        self.write("x.jsonl", jsonl_line("x1", firms(1)) + jsonl_line("x2", firms(2)))
        self.write("d/y.jsonl", jsonl_line("y1", firms(3)))
        self.write("d/z/z.jsonl", jsonl_line("z1", firms(4)))
        self.write("d/ignored.txt", jsonl_line("no", firms(5)))
        out = self.cli(["extract", "-i", "jsonl", "d", "x.jsonl", "-"], stdin=jsonl_line("s1", firms(6)),
                       summary=(5, 5, 0))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)],
                         [("y1", 3), ("z1", 4), ("x1", 1), ("x2", 2), ("s1", 6)])

    def test_records_come_out_before_the_input_ends(self):
        # A pipeline stage: each document's records are written (and flushed) while standard input
        # is still open, so the tool never reads all its input first.
        p = subprocess.Popen([CLI, "extract", "-i", "jsonl", "--jobs", "2"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.tmp)
        try:
            for i in (1, 2, 3):
                p.stdin.write(jsonl_line("s%d" % i, firms(10 + i)).encode("utf-8"))
                p.stdin.flush()
                ready, _, _ = select.select([p.stdout], [], [], 60)
                self.assertTrue(ready, "no record for document %d while its input stayed open" % i)
                r = json.loads(p.stdout.readline())
                self.assertEqual((r["doc"], r["value"]), ("s%d" % i, 10 + i))
            p.stdin.close()
            self.assertEqual(p.stdout.read(), b"")
            self.assertEqual(p.wait(60), 0)
            self.assertTrue(SUMMARY.fullmatch(p.stderr.read().decode("utf-8")))
        finally:
            if p.poll() is None:
                p.kill()
            p.wait()
            p.stdout.close()
            p.stderr.close()


    @unittest.skipUnless(os.path.exists("/proc/self/status"), "needs /proc")
    def test_memory_stays_flat(self):
        # Twenty thousand articles and a 48 MB line over the limit: the tool holds a few articles
        # and one line's worth at a time, so its peak memory is that of a one-line run give or
        # take a few MB, far below the 70 MB it reads.
        def peak_kb(chunks):
            # (An AddressSanitizer build would hold freed memory back for a while: not here.)
            env = dict(os.environ, ASAN_OPTIONS="quarantine_size_mb=0:thread_local_quarantine_size_kb=0:" +
                       os.environ.get("ASAN_OPTIONS", ""))
            p = subprocess.Popen([CLI, "extract", "-q", "-i", "jsonl", "--max-bytes", "1MiB", "--jobs", "2"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 cwd=self.tmp, env=env)
            try:
                for c in chunks:
                    p.stdin.write(c)
                p.stdin.write(jsonl_line("end", firms(7)).encode("utf-8"))
                p.stdin.flush()
                # Once the last article's record is out, everything before it has been read.
                self.assertEqual(json.loads(p.stdout.readline())["doc"], "end")
                with open("/proc/%d/status" % p.pid) as f:
                    peak = int(re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M).group(1))
                p.stdin.close()
                self.assertEqual(p.stdout.read(), b"")
                return p.wait(60), peak
            finally:
                if p.poll() is None:
                    p.kill()
                p.wait()
                p.stdout.close()

        quiet = jsonl_line("d", "园区企业积极开展技术创新活动，推动产业转型升级，营造良好发展环境。" * 10).encode("utf-8")

        def many():
            for _ in range(20):
                yield quiet * 1000
            yield b'{"id": "huge", "text": "'
            for _ in range(48):
                yield b"x" * (1 << 20)
            yield b'"}\n'

        base_status, base = peak_kb([])
        status, peak = peak_kb(many())
        self.assertEqual((base_status, status), (0, 1))
        self.assertLess(peak - base, 12 * 1024, "peak %d kB, one line %d kB" % (peak, base))


class Parallel(CliTest):
    """--jobs N: the same output, in input order, whatever N."""

    def test_files_any_jobs_same_order(self):
        shutil.copytree(os.path.join(SRC, "tests", "corpus", "docs"), self.path("corpus"))
        shutil.copytree(os.path.join(SRC, "examples", "articles"), self.path("articles"))
        self.write("bad.txt", b"\x80abc\xff")
        args = ["extract", "corpus", "missing.txt", "articles", "bad.txt", "corpus"]
        messages = ["econind: missing.txt: cannot read: No such file or directory",
                    "econind: bad.txt: " + UNDETECTABLE]
        n_docs = len(os.listdir(self.path("corpus")))
        outs = {}
        for jobs in ("1", "2", "4", "0"):
            outs[jobs] = self.cli(args + ["--jobs", jobs], status=1, messages=messages)
        self.assertEqual(outs["1"], outs["2"])
        self.assertEqual(outs["1"], outs["4"])
        self.assertEqual(outs["1"], outs["0"])
        docs = []
        for r in records(outs["1"]):
            if not docs or docs[-1] != r["doc"]:
                docs.append(r["doc"])
        corpus = ["corpus/" + n for n in sorted(os.listdir(self.path("corpus")))]
        articles = ["articles/" + n for n in sorted(os.listdir(self.path("articles")))]
        with_records = set(docs)
        expected = [d for d in corpus + articles + corpus if d in with_records]
        self.assertEqual(docs, expected)
        self.assertGreater(len(with_records), n_docs)

    def test_jsonl_any_jobs_same_order(self):
        lines, messages, expected = [], [], []
        for i in range(1, 241):
            if i % 17 == 0:
                lines.append('{"id": "doc%d", "text": 5}\n' % i)
                messages.append('econind: <stdin>:%d: "text" is not a string' % i)
            else:
                lines.append(jsonl_line("doc%d" % i, firms(i)))
                expected.append(("doc%d" % i, i))
        stdin = "".join(lines)
        outs = [self.cli(["extract", "-i", "jsonl", "-j", j], stdin=stdin, status=1, messages=messages,
                         summary=(len(expected), len(expected), len(messages))) for j in ("1", "2", "5")]
        self.assertEqual([(r["doc"], r["value"]) for r in records(outs[0])], expected)
        self.assertEqual(outs[1], outs[0])
        self.assertEqual(outs[2], outs[0])


class Errors(CliTest):
    """Bad input never stops the batch: each failure is reported by name (and line), exactly."""

    def good_files(self):
        self.write("a.txt", firms(1))
        self.write("b.txt", firms(2))
        return self.cli(["extract", "a.txt", "b.txt"])

    def test_unreadable_file(self):
        expected = self.good_files()
        out = self.cli(["extract", "a.txt", "missing.txt", "b.txt"], status=1,
                       messages=["econind: missing.txt: cannot read: No such file or directory"], summary=(2, 2, 1))
        self.assertEqual(out, expected)

    def test_unreadable_jsonl_file(self):
        self.write("a.jsonl", jsonl_line("a", firms(1)))
        out = self.cli(["extract", "-i", "jsonl", "missing.jsonl", "a.jsonl"], status=1,
                       messages=["econind: missing.jsonl: cannot read: No such file or directory"], summary=(1, 1, 1))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a", 1)])

    @unittest.skipIf(os.geteuid() == 0, "permissions do not stop root")
    def test_unreadable_file_and_directory(self):
        expected = self.good_files()
        self.write("locked.txt", firms(3))
        self.write("d/locked/c.txt", firms(4))
        self.write("d/open/e.txt", firms(5))
        os.chmod(self.path("locked.txt"), 0)
        os.chmod(self.path("d", "locked"), 0)
        self.addCleanup(os.chmod, self.path("d", "locked"), 0o755)
        out = self.cli(["extract", "a.txt", "locked.txt", "d", "b.txt"], status=1, messages=[
            "econind: locked.txt: cannot read: Permission denied",
            "econind: d/locked: cannot list: Permission denied"], summary=(3, 3, 2))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a.txt", 1), ("d/open/e.txt", 5), ("b.txt", 2)])

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_standard_output_that_cannot_be_written(self):
        self.write("a.txt", firms(1))
        with open("/dev/full", "wb") as full:
            p = subprocess.run([CLI, "extract", "a.txt"], stdout=full, stderr=subprocess.PIPE, cwd=self.tmp)
        lines = p.stderr.decode("utf-8").splitlines(keepends=True)
        self.assertEqual(lines[:-1], ["econind: <stdout>: cannot write: No space left on device\n"])
        self.assertTrue(SUMMARY.fullmatch(lines[-1]))
        self.assertEqual(p.returncode, 2)

    def test_file_not_in_the_encoding_given(self):
        self.write("a.txt", firms(1).encode("gbk"))
        self.write("bad.txt", b"abc\x81\x20def")
        out = self.cli(["extract", "-e", "gbk", "a.txt", "bad.txt"], status=1,
                       messages=["econind: bad.txt: not valid GBK at byte offset 3"], summary=(1, 1, 1))
        self.assertEqual([(r["doc"], r["value"], r["encoding"]) for r in records(out)], [("a.txt", 1, "GBK")])
        self.write("bad5.txt", b"\xa4\xa4\xa4\x20")
        self.cli(["extract", "-e", "big5", "bad5.txt"], status=1,
                 messages=["econind: bad5.txt: not valid Big5 at byte offset 2"])

    def test_encoding_that_cannot_be_told(self):
        expected = self.good_files()
        self.write("bin.txt", b"\x80abc\xff")
        out = self.cli(["extract", "a.txt", "bin.txt", "b.txt"], status=1,
                       messages=["econind: bin.txt: " + UNDETECTABLE])
        self.assertEqual(out, expected)

    def test_truncated_utf16(self):
        self.write("t16.txt", b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00")
        self.cli(["extract", "t16.txt"], status=1, messages=["econind: t16.txt: not valid UTF-16LE at byte offset 6"])

    def test_undecodable_jsonl_line(self):
        data = jsonl_line("a", firms(1)).encode() + b'{"id": "b", "text": "\xff"}\n' + jsonl_line("c", firms(3)).encode()
        self.write("in.jsonl", data)
        out = self.cli(["extract", "-i", "jsonl", "in.jsonl"], status=1,
                       messages=["econind: in.jsonl:2: not valid UTF-8 at byte offset 21"], summary=(2, 2, 1))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a", 1), ("c", 3)])

    def test_malformed_jsonl_lines(self):
        stdin = "".join([
            jsonl_line("a", firms(1)),
            '{"id": "x", "text": \n',
            '["id", "text"]\n',
            '{"text": "x"}\n',
            '{"id": true, "text": "x"}\n',
            '{"id": "x"}\n',
            '{"id": "x", "text": null}\n',
            '{"id": "x", "text": "x", "date": 2023}\n',
            '{"id": "x", "text": "x"} trailing\n',
            jsonl_line("b", firms(2)),
        ])
        out = self.cli(["extract", "-i", "jsonl"], stdin=stdin, status=1, messages=[
            "econind: <stdin>:2: invalid JSON at byte offset 20",
            "econind: <stdin>:3: not a JSON object",
            'econind: <stdin>:4: "id" is missing',
            'econind: <stdin>:5: "id" is not a string or an integer',
            'econind: <stdin>:6: "text" is missing',
            'econind: <stdin>:7: "text" is not a string',
            'econind: <stdin>:8: "date" is not a string',
            "econind: <stdin>:9: invalid JSON at byte offset 27",
        ], summary=(2, 2, 8))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a", 1), ("b", 2)])

    def test_oversize_file(self):
        self.write("a.txt", firms(1))
        self.write("big.txt", firms(2) * 100)
        self.write("b.txt", firms(3))
        expected = self.cli(["extract", "a.txt", "b.txt"])
        size = os.path.getsize(self.path("big.txt"))
        out = self.cli(["extract", "--max-bytes", "1000", "a.txt", "big.txt", "b.txt"], status=1,
                       messages=["econind: big.txt: %d bytes, over the --max-bytes limit of 1000" % size],
                       summary=(2, 2, 1))
        self.assertEqual(out, expected)
        self.cli(["extract", "--max-bytes", "%d" % size, "big.txt"], summary=(1, 100, 0))

    def test_oversize_standard_input(self):
        self.cli(["extract", "--max-bytes", "100"], stdin=firms(1) * 10, status=1,
                 messages=["econind: <stdin>: over the --max-bytes limit of 100"], summary=(0, 0, 1))

    def test_oversize_jsonl_line(self):
        stdin = jsonl_line("a", firms(1)) + jsonl_line("big", firms(2) * 20) + jsonl_line("c", firms(3))
        out = self.cli(["extract", "-i", "jsonl", "--max-bytes", "100"], stdin=stdin, status=1,
                       messages=["econind: <stdin>:2: line over the --max-bytes limit of 100"], summary=(2, 2, 1))
        self.assertEqual([(r["doc"], r["value"]) for r in records(out)], [("a", 1), ("c", 3)])

    def test_max_bytes_units(self):
        self.write("big.txt", firms(2) * 100)
        size = os.path.getsize(self.path("big.txt"))
        for arg, limit in (("1kB", 1000), ("1KiB", 1024), ("2k", 2000)):
            self.cli(["extract", "--max-bytes", arg, "big.txt"], status=1,
                     messages=["econind: big.txt: %d bytes, over the --max-bytes limit of %d" % (size, limit)])

    def test_output_that_cannot_be_written(self):
        self.write("a.txt", firms(1))
        rc, out, err = self.run_cli(["extract", "-o", "no-such-dir/out.jsonl", "a.txt"])
        self.assertEqual((rc, out, err),
                         (2, "", "econind: no-such-dir/out.jsonl: cannot write: No such file or directory\n"))

    def test_usage_errors(self):
        self.assertEqual(self.run_cli(["extract", "--encoding", "klingon", "a.txt"]),
                         (2, "", "--encoding: unknown encoding klingon\nRun with --help for more information.\n"))
        self.assertEqual(self.run_cli(["extract", "-i", "jsonl", "-e", "gbk"]),
                         (2, "", "econind: --encoding applies to text input; JSONL input is UTF-8\n"))
        self.assertEqual(self.run_cli(["extract", "--format", "xml", "a.txt"]),
                         (2, "", "--format: xml not in {jsonl,csv,table}\nRun with --help for more information.\n"))
        self.assertEqual(self.run_cli(["extract", "--max-bytes", "lots", "a.txt"])[0], 2)
        self.assertEqual(self.run_cli(["frobnicate"])[0], 2)

    def test_repaired_bytes_are_warnings(self):
        text = "合肥高新区2022年营业收入420亿元，增长12.6%。".encode("utf-8") + b"\xff" + "另有企业300余家。".encode("utf-8")
        self.write("w.txt", text)
        out = self.cli(["extract", "w.txt"], messages=["econind: w.txt: bytes 60-61: invalid UTF-8 read as U+FFFD"],
                       summary=(1, 3, 0))
        self.assertEqual([r["value"] for r in records(out)], [42000000000, 12.6, 300])
        rc, quiet_out, err = self.run_cli(["extract", "-q", "w.txt"])
        self.assertEqual((rc, quiet_out, err), (0, out, ""))


class Output(CliTest):
    """--output FILE: written under a temporary name, renamed into place once complete."""

    def test_file_holds_what_standard_output_would(self):
        shutil.copytree(os.path.join(SRC, "examples", "articles"), self.path("articles"))
        os.mkdir(self.path("out"))
        for fmt in ("jsonl", "csv", "table"):
            expected = self.cli(["extract", "-f", fmt, "articles"])
            self.assertEqual(self.cli(["extract", "-f", fmt, "-o", "out/r." + fmt, "articles"]), "")
            with open(self.path("out", "r." + fmt), encoding="utf-8") as f:
                self.assertEqual(f.read(), expected)
        self.assertEqual(sorted(os.listdir(self.path("out"))), ["r.csv", "r.jsonl", "r.table"])

    def temp_files(self):
        return [n for n in os.listdir(self.path("out")) if n != "r.jsonl"]

    def start_streaming(self):
        os.mkdir(self.path("out"))
        self.write("out/r.jsonl", "old\n")
        p = subprocess.Popen([CLI, "extract", "-i", "jsonl", "-o", "out/r.jsonl"], stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.tmp)
        self.addCleanup(lambda: p.poll() is None and p.kill())
        p.stdin.write(jsonl_line("a", firms(1)).encode("utf-8"))
        p.stdin.flush()
        wait_for(lambda: len(self.temp_files()) == 1, "the temporary output file")
        self.assertRegex(self.temp_files()[0], r"^r\.jsonl\.[0-9a-f]{8}\.tmp$")
        return p

    def test_existing_file_is_replaced_only_when_complete(self):
        p = self.start_streaming()
        with open(self.path("out", "r.jsonl"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "old\n")
        p.stdin.write(jsonl_line("b", firms(2)).encode("utf-8"))
        p.stdin.close()
        self.assertEqual(p.wait(60), 0)
        with open(self.path("out", "r.jsonl"), encoding="utf-8") as f:
            self.assertEqual([(r["doc"], r["value"]) for r in records(f.read())], [("a", 1), ("b", 2)])
        self.assertEqual(self.temp_files(), [])

    def test_interrupted_run_leaves_the_old_file(self):
        p = self.start_streaming()
        p.send_signal(signal.SIGTERM)
        self.assertEqual(p.wait(60), -signal.SIGTERM)
        p.stdin.close()
        with open(self.path("out", "r.jsonl"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "old\n")
        self.assertEqual(self.temp_files(), [])


def display_width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf", "Cc"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def cells_at(line, start, end):
    """The part of `line` between display columns start and end."""
    out, col = "", 0
    for c in line:
        w = display_width(c)
        if col >= start and col + w <= end:
            out += c
        elif col < end and col + w > start:
            raise AssertionError("a character straddles column %d or %d: %r" % (start, end, line))
        col += w
    return out


class Table(CliTest):
    """--format table: aligned columns, Chinese counted two columns wide."""

    def test_small_table_exactly(self):
        self.write("hefei.txt", "合肥高新区2022年营业收入1,286.4亿元，同比增长12.6%，位列第6名。")
        self.write("wuhan.txt", "Wuhan's East Lake High-tech Zone had more than 2,000 companies in 2022.")
        out = self.cli(["extract", "--format", "table", "hefei.txt", "wuhan.txt"], summary=(2, 4, 0))
        self.assertEqual(out, "\n".join([
            "doc        kind               value  unit       qualifier  text             subject     metric    year",
            "---------  -------  ---------------  ---------  ---------  ---------------  ----------  --------  ----",
            "hefei.txt  money    128,640,000,000  CNY        exact      1,286.4亿元      合肥高新区  营业收入  2022",
            "hefei.txt  percent             12.6  %          exact      12.6%            合肥高新区  增速      2022",
            "hefei.txt  rank                   6             exact      第6名            合肥高新区  排名      2022",
            "wuhan.txt  count              2,000  companies  more_than  more than 2,000  东湖高新区  企业数量  2022",
            "4 indicators in 2 documents",
        ]) + "\n")

    def test_columns_line_up(self):
        shutil.copytree(os.path.join(SRC, "examples", "articles"), self.path("articles"))
        shutil.copytree(os.path.join(SRC, "tests", "corpus", "docs"), self.path("corpus"))
        lines = self.cli(["extract", "-f", "table", "articles", "corpus"]).splitlines()
        rule = lines[1]
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
        self.assertEqual(len(spans), 9)
        header = [h for h in lines[0].split(" ") if h]
        self.assertEqual(header, ["doc", "kind", "value", "unit", "qualifier", "text", "subject", "metric", "year"])
        rows = lines[2:-1]
        self.assertGreater(len(rows), 300)
        self.assertTrue(any(display_width(r) != len(r) for r in rows))  # Chinese text is there
        for row in rows:
            self.assertLessEqual(display_width(row), spans[-1][1])
            row += " " * (spans[-1][1] - display_width(row))  # trailing blanks are trimmed
            for i, (start, end) in enumerate(spans):
                cell = cells_at(row, start, end)
                if i + 1 < len(spans):  # the two columns between cells are blank
                    self.assertEqual(cells_at(row, end, spans[i + 1][0]), "  ", row)
                if i in (2, 8) and cell.strip():  # value and year are right-aligned
                    self.assertFalse(cell.endswith(" "), row)
                elif cell.strip():
                    self.assertFalse(cell.startswith(" "), row)
        self.assertRegex(lines[-1], r"^\d+ indicators in 33 documents$")

    def test_long_paths_are_cut_at_the_front(self):
        name = "a-rather-long-directory-name/and-another-long-one/hefei.txt"
        self.write(name, firms(5))
        lines = self.cli(["extract", "-f", "table", name]).splitlines()
        cell = lines[2].split("  ")[0]
        self.assertEqual(cell, "…" + name[-47:])
        self.assertEqual(display_width(cell), 48)


class Progress(CliTest):
    """The summary line; the progress bar, drawn only when standard error is a terminal."""

    def run_with_terminal_stderr(self, args, stdout_too=False):
        """Runs the CLI with standard error (and standard output too, when asked) on a terminal;
        returns what went to the pipe and what went to the terminal."""
        master, slave = pty.openpty()
        p = subprocess.Popen([CLI] + args, stdin=subprocess.DEVNULL, stdout=slave if stdout_too else subprocess.PIPE,
                             stderr=slave, cwd=self.tmp)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal is gone once the process has exited
                break
            if not chunk:
                break
            err += chunk
        os.close(master)
        out = b""
        if not stdout_too:
            out = p.stdout.read()
            p.stdout.close()
        self.assertEqual(p.wait(60), 0)
        return out.decode("utf-8"), err.decode("utf-8").replace("\r\n", "\n")

    def test_bar_on_a_terminal(self):
        for n in (1, 2, 3):
            self.write("f%d.txt" % n, firms(n))
        out, err = self.run_with_terminal_stderr(["extract", "f1.txt", "f2.txt", "f3.txt"])
        self.assertEqual(len(records(out)), 3)
        self.assertIn("econind [########################] 100%  3/3 files  ", err)
        self.assertTrue(err.startswith("\r\x1b[Kecon"), repr(err))
        bar, summary = err.rsplit("\r\x1b[K", 1)
        self.assertTrue(SUMMARY.fullmatch(summary), repr(summary))
        self.assertEqual(summary.split(", ")[:3], ["econind: 3 documents", "3 indicators", "0 errors"])

    def test_no_bar_when_records_go_to_the_same_terminal(self):
        for n in (1, 2, 3):
            self.write("f%d.txt" % n, firms(n))
        out, err = self.run_with_terminal_stderr(["extract", "f1.txt", "f2.txt", "f3.txt"], stdout_too=True)
        self.assertEqual(out, "")
        lines = err.splitlines(keepends=True)
        self.assertEqual([json.loads(l)["value"] for l in lines[:-1]], [1, 2, 3])
        self.assertTrue(SUMMARY.fullmatch(lines[-1]), repr(err))
        out, err = self.run_with_terminal_stderr(["extract", "-f", "table", "f1.txt", "f2.txt", "f3.txt"],
                                                 stdout_too=True)
        self.assertIn("\r\x1b[Kecon", err)  # a table comes at the end: the bar does not get in its way
        self.assertIn("3 indicators in 3 documents\n", err)

    def test_no_bar_for_one_document_or_when_quiet(self):
        self.write("f1.txt", firms(1))
        self.write("f2.txt", firms(2))
        out, err = self.run_with_terminal_stderr(["extract", "f1.txt"])
        self.assertTrue(SUMMARY.fullmatch(err), repr(err))
        out, err = self.run_with_terminal_stderr(["extract", "-q", "f1.txt", "f2.txt"])
        self.assertEqual((len(records(out)), err), (2, ""))

    def test_no_bar_when_stderr_is_not_a_terminal(self):
        for n in range(1, 11):
            self.write("f%02d.txt" % n, firms(n))
        rc, out, err = self.run_cli(["extract", "."])
        self.assertEqual(rc, 0)
        self.assertNotIn("\r", err)
        self.assertEqual(SUMMARY.fullmatch(err).groups(), ("10", "10", "0"))

    def test_summary_counts_and_plurals(self):
        self.write("a.txt", firms(1))
        self.cli(["extract", "a.txt"], summary=(1, 1, 0))
        rc, out, err = self.run_cli(["extract", "a.txt", "missing.txt"])
        self.assertRegex(err.splitlines()[-1], r"^econind: 1 document, 1 indicator, 1 error, [0-9.]+ MB/s$")
        rc, out, err = self.run_cli(["extract", "missing1.txt", "missing2.txt"])
        self.assertRegex(err.splitlines()[-1], r"^econind: 0 documents, 0 indicators, 2 errors, [0-9.]+ MB/s$")


class Compat(CliTest):
    """What other tools depend on: extract --format jsonl FILE, and econind parse."""

    def test_jsonl_records_of_a_utf8_file(self):
        path = corpus_doc("zh_hans_01_wuhan.txt")
        data = open(path, "rb").read()
        rc, out, err = self.run_cli(["extract", "--format", "jsonl", path])
        self.assertEqual(rc, 0)
        rs = records(out)
        self.assertGreater(len(rs), 5)
        for r in rs:
            self.assertEqual(list(r), FIELDS)
            self.assertEqual(r["doc"], path)
            self.assertEqual(data[r["begin"]:r["end"]].decode("utf-8"), r["text"])
        self.assertEqual(out, self.run_cli(["extract", path])[1])  # jsonl is the default

    def test_parse(self):
        rc, out, err = self.run_cli(["parse", "200多亿元"])
        self.assertEqual((rc, err), (0, ""))
        r = json.loads(out)
        self.assertEqual(r["text"], "200多亿元")
        self.assertEqual([(i["kind"], i["value"], i["unit"], i["qualifier"]) for i in r["indicators"]],
                         [("money", 20000000000, "CNY", "more_than")])
        rc, out, err = self.run_cli(["parse", "十四点二"])
        self.assertEqual((rc, json.loads(out)["number"]["value"]), (0, 14.2))
        self.assertEqual(self.run_cli(["parse", "hello"]), (1, '{"text": "hello", "number": null, "indicators": []}\n', ""))


GROUPS = {"inputs": Inputs, "encodings": Encodings, "jsonl": Jsonl, "parallel": Parallel, "errors": Errors,
          "output": Output, "table": Table, "progress": Progress, "compat": Compat}

if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[3] not in GROUPS:
        raise SystemExit(__doc__)
    CLI, SRC, group = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(GROUPS[group])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
