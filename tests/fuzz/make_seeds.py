#!/usr/bin/env python3
"""Builds libFuzzer seed corpora from the sample corpus and the unit-test tables.

    make_seeds.py SOURCE_DIR OUT_DIR

Writes OUT_DIR/<target>/<name> for every fuzz target: corpus/articles files,
../shared/seed when present, the string literals of tests/unit/*/*_test.cc
(raw R"X(...)X" literals and plain "..." literals), and the small hand-written
seeds under tests/fuzz/seeds/<target>/. Nothing here is committed; scripts/fuzz
runs it into build-fuzz/seeds before each run.
"""
import hashlib
import pathlib
import re
import sys

MAX_SEED = 256 * 1024

RAW = re.compile(r'R"([^(\s]*)\((.*?)\)\1"', re.S)
PLAIN = re.compile(r'(?<![A-Za-z0-9_R])"((?:[^"\\\n]|\\.)*)"')


def unescape(body):
    out = bytearray()
    i = 0
    simple = {'n': 10, 't': 9, 'r': 13, '0': 0, '\\': 92, '"': 34, "'": 39, 'a': 7, 'b': 8, 'f': 12, 'v': 11}
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        n = body[i + 1] if i + 1 < len(body) else ''
        if n == 'x':
            m = re.match(r'[0-9A-Fa-f]{1,2}', body[i + 2:])
            out.append(int(m.group(0), 16) if m else 0)
            i += 2 + (len(m.group(0)) if m else 0)
        elif n in '01234567' and re.match(r'[0-7]{2,3}', body[i + 1:]):
            m = re.match(r'[0-7]{1,3}', body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif n == 'u':
            out += chr(int(body[i + 2:i + 6], 16)).encode('utf-8')
            i += 6
        else:
            out.append(simple.get(n, ord(n) if n else 92))
            i += 2
    return bytes(out)


def literals(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    found = [m.group(2).encode('utf-8') for m in RAW.finditer(text)]
    stripped = RAW.sub('""', text)
    for line in stripped.splitlines():
        if line.lstrip().startswith(('#include', '//')):
            continue
        for m in PLAIN.finditer(line):
            found.append(unescape(m.group(1)))
    return [s for s in found if s]


class Seeds:
    def __init__(self, out):
        self.out = pathlib.Path(out)
        self.counts = {}

    def add(self, target, data, prefix=b''):
        data = prefix + data[:MAX_SEED]
        d = self.out / target
        d.mkdir(parents=True, exist_ok=True)
        (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
        self.counts[target] = self.counts.get(target, 0) + 1


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src = pathlib.Path(sys.argv[1])
    seeds = Seeds(sys.argv[2])
    unit = src / 'tests' / 'unit'
    articles = sorted((src / 'corpus' / 'articles').glob('*'))
    shared = src.parent / 'shared' / 'seed'
    if shared.is_dir():
        articles += sorted(shared.glob('*'))
    name_byte = {'.txt': b'\x00', '.html': b'\x01', '.xml': b'\x02', '.jsonl': b'\x03'}

    for f in articles:
        if not f.is_file():
            continue
        data = f.read_bytes()
        ext = f.suffix.lower()
        target = {'.txt': 'fuzz_text_article', '.html': 'fuzz_html_article', '.htm': 'fuzz_html_article',
                  '.xml': 'fuzz_news_xml', '.jsonl': 'fuzz_jsonl'}.get(ext)
        if target:
            seeds.add(target, data)
            seeds.add('fuzz_extract', data, name_byte.get(ext, b'\x04'))
        seeds.add('fuzz_encoding', data[:4096])

    tables = {
        'extract/date_parse_test.cc': ['fuzz_date_parse'],
        'extract/text_article_test.cc': ['fuzz_text_article'],
        'extract/news_xml_test.cc': ['fuzz_news_xml'],
        'extract/jsonl_test.cc': ['fuzz_jsonl'],
        'extract/encoding_test.cc': ['fuzz_encoding'],
        'search/date_query_test.cc': ['fuzz_query'],
        'search/search_test.cc': ['fuzz_query'],
        'search/snippet_test.cc': ['fuzz_query'],
    }
    for name, targets in tables.items():
        path = unit / name
        if not path.exists():
            continue
        for lit in literals(path):
            for target in targets:
                if target == 'fuzz_query':
                    seeds.add(target, lit, b'\x00')
                    seeds.add(target, lit, b'\x07')
                else:
                    seeds.add(target, lit)
            if name == 'extract/news_xml_test.cc':
                seeds.add('fuzz_extract', lit, b'\x02')
            if name == 'extract/jsonl_test.cc':
                seeds.add('fuzz_extract', lit, b'\x03')

    hand = src / 'tests' / 'fuzz' / 'seeds'
    if hand.is_dir():
        for d in sorted(hand.iterdir()):
            for f in sorted(d.glob('*')):
                if f.is_file():
                    seeds.add(d.name, f.read_bytes())
    for target, n in sorted(seeds.counts.items()):
        print(f'{target}: {n} seeds')


if __name__ == '__main__':
    main()
