#!/usr/bin/env python3
"""Take one face out of an OpenType collection (.ttc) as a standalone .otf.

Used once to produce fonts/*.otf from Debian's fonts-noto-cjk; kept so the
step can be repeated. Usage: extract_ttc_face.py IN.ttc INDEX OUT.otf
(with INDEX "list", prints each face's family name instead).
"""
import struct
import sys


def faces(data):
    tag, _ver, n = struct.unpack(">4sLL", data[:12])
    assert tag == b"ttcf", "not a font collection"
    return struct.unpack(">%dL" % n, data[12 : 12 + 4 * n])


def tables(data, off):
    sfnt, num = struct.unpack(">LH", data[off : off + 6])
    out = []
    for i in range(num):
        rec = data[off + 12 + 16 * i : off + 28 + 16 * i]
        tag, checksum, toff, length = struct.unpack(">4sLLL", rec)
        out.append((tag, checksum, toff, length))
    return sfnt, out


def family(data, off):
    _, tbls = tables(data, off)
    for tag, _c, toff, _l in tbls:
        if tag == b"name":
            _fmt, count, soff = struct.unpack(">HHH", data[toff : toff + 6])
            names = {}
            for i in range(count):
                pid, eid, lid, nid, ln, o = struct.unpack(
                    ">HHHHHH", data[toff + 6 + 12 * i : toff + 18 + 12 * i]
                )
                if nid == 4 and pid == 3:
                    s = data[toff + soff + o : toff + soff + o + ln].decode("utf-16-be")
                    names[lid] = s
            return names.get(0x409) or next(iter(names.values()))


def checksum(b):
    b = b + b"\0" * (-len(b) % 4)
    return sum(struct.unpack(">%dL" % (len(b) // 4), b)) & 0xFFFFFFFF


def extract(data, off):
    sfnt, tbls = tables(data, off)
    n = len(tbls)
    es = max(i for i in range(16) if 2**i <= n)
    header = struct.pack(">LHHHH", sfnt, n, 16 * 2**es, es, 16 * n - 16 * 2**es)
    pos = 12 + 16 * n
    dirs, bodies = b"", b""
    for tag, _c, toff, length in sorted(tbls):
        body = data[toff : toff + length]
        if tag == b"head":
            body = body[:8] + b"\0\0\0\0" + body[12:]  # checkSumAdjustment, fixed below
        dirs += struct.pack(">4sLLL", tag, checksum(body), pos + len(bodies), length)
        bodies += body + b"\0" * (-len(body) % 4)
    font = bytearray(header + dirs + bodies)
    adj = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
    head_dir = [i for i, t in enumerate(sorted(tbls)) if t[0] == b"head"][0]
    head_off = struct.unpack(">L", font[12 + 16 * head_dir + 8 : 12 + 16 * head_dir + 12])[0]
    font[head_off + 8 : head_off + 12] = struct.pack(">L", adj)
    return bytes(font)


if __name__ == "__main__":
    src, index = sys.argv[1], sys.argv[2]
    data = open(src, "rb").read()
    if index == "list":
        for i, off in enumerate(faces(data)):
            print(i, family(data, off))
    else:
        open(sys.argv[3], "wb").write(extract(data, faces(data)[int(index)]))
