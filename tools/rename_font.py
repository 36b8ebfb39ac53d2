#!/usr/bin/env python3
"""Give a font new family names (the OFL's Reserved Font Names may not be
used by a Modified Version, and a subset is one). Keeps the copyright and
licence records. Usage: rename_font.py IN OUT FAMILY POSTSCRIPT_NAME"""
import struct
import sys


def checksum(b):
    b = b + b"\0" * (-len(b) % 4)
    return sum(struct.unpack(">%dL" % (len(b) // 4), b)) & 0xFFFFFFFF


def read_tables(data):
    sfnt, num = struct.unpack(">LH", data[:6])
    tables = {}
    for i in range(num):
        tag, _c, off, ln = struct.unpack(">4sLLL", data[12 + 16 * i : 28 + 16 * i])
        tables[tag] = data[off : off + ln]
    return sfnt, tables


def name_table(old, family, psname):
    _fmt, count, soff = struct.unpack(">HHH", old[:6])
    keep = {0, 5, 7, 8, 9, 10, 11, 12, 13, 14}  # copyright, version, vendor, licence…
    new = {1: family, 2: "Regular", 3: psname + ";nianbao", 4: family + " Regular", 6: psname, 16: family, 17: "Regular"}
    records = []
    for i in range(count):
        pid, eid, lid, nid, ln, o = struct.unpack(">HHHHHH", old[6 + 12 * i : 18 + 12 * i])
        raw = old[soff + o : soff + o + ln]
        if nid in keep:
            records.append((pid, eid, lid, nid, raw))
    for nid, s in new.items():
        records.append((3, 1, 0x409, nid, s.encode("utf-16-be")))
        records.append((1, 0, 0, nid, s.encode("mac_roman")))
    records.sort(key=lambda r: r[:4])
    head = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    strings = b""
    recs = b""
    for pid, eid, lid, nid, raw in records:
        recs += struct.pack(">HHHHHH", pid, eid, lid, nid, len(raw), len(strings))
        strings += raw
    return head + recs + strings


def write(sfnt, tables):
    n = len(tables)
    es = max(i for i in range(16) if 2**i <= n)
    out = struct.pack(">LHHHH", sfnt, n, 16 * 2**es, es, 16 * n - 16 * 2**es)
    pos = 12 + 16 * n
    dirs, bodies = b"", b""
    tags = sorted(tables)
    for tag in tags:
        body = tables[tag]
        if tag == b"head":
            body = body[:8] + b"\0\0\0\0" + body[12:]
            tables[tag] = body
        dirs += struct.pack(">4sLLL", tag, checksum(body), pos + len(bodies), len(body))
        bodies += body + b"\0" * (-len(body) % 4)
    font = bytearray(out + dirs + bodies)
    adj = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
    i = tags.index(b"head")
    off = struct.unpack(">L", font[12 + 16 * i + 8 : 12 + 16 * i + 12])[0]
    font[off + 8 : off + 12] = struct.pack(">L", adj)
    return bytes(font)


if __name__ == "__main__":
    src, dst, family, ps = sys.argv[1:5]
    sfnt, tables = read_tables(open(src, "rb").read())
    tables[b"name"] = name_table(tables[b"name"], family, ps)
    open(dst, "wb").write(write(sfnt, tables))
