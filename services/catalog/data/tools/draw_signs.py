#!/usr/bin/env python3
"""Draw the demo road signs and intersection diagrams referenced by the DriveTest demo banks.

Usage:
    python3 tools/draw_signs.py OUTDIR [BANK.json ...]
    python3 tools/draw_signs.py --list            # print every drawable media key

For every image media key referenced by the banks (default: ../*-bank.json next to this script) it writes
OUTDIR/<key without .png>.svg and converts it to OUTDIR/<key> (256x256 PNG) with rsvg-convert
(Debian: apt-get install -y librsvg2-bin fonts-dejavu-core). Video keys are skipped (no drawing needed).
Signs follow the Vietnamese QCVN 41 look (red-bordered prohibition circles, yellow warning triangles,
blue mandatory circles, blue information squares, octagonal STOP ...) with simple pictograms.
Standard library only; deterministic and idempotent (identical input gives byte-identical SVG).
Exit status: 0 on success, 1 if a referenced key has no drawing or conversion fails, 2 on bad usage.
"""
import glob
import json
import math
import os
import shutil
import subprocess
import sys

SIZE = 256
RED = "#d7141a"
BLUE = "#0a5cad"
YELLOW = "#ffcc00"
BLACK = "#1a1a1a"
WHITE = "#ffffff"
GREY = "#8c8c8c"
FONT = "DejaVu Sans"


def svg_doc(body, background=None):
    bg = f'<rect width="{SIZE}" height="{SIZE}" fill="{background}"/>' if background else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
            f'viewBox="0 0 {SIZE} {SIZE}">{bg}{body}</svg>\n')


def g(content, tx=0, ty=0, scale=1.0, rotate=0, mirror=False):
    parts = []
    if tx or ty:
        parts.append(f"translate({tx:g} {ty:g})")
    if rotate:
        parts.append(f"rotate({rotate:g})")
    if scale != 1.0:
        parts.append(f"scale({scale:g})")
    if mirror:
        parts.append("scale(-1 1)")
    attr = f' transform="{" ".join(parts)}"' if parts else ""
    return f"<g{attr}>{content}</g>"


def text(s, x, y, size, fill=BLACK, weight="bold", anchor="middle"):
    return (f'<text x="{x:g}" y="{y:g}" font-family="{FONT}" font-size="{size:g}" font-weight="{weight}" '
            f'fill="{fill}" text-anchor="{anchor}">{s}</text>')


# ---------------------------------------------------------------- pictograms (centred on 0,0, about 130 wide)

def car_side(fill=BLACK):
    return (f'<path d="M-62,10 L-62,-6 Q-60,-13 -50,-15 L-32,-17 L-19,-34 Q-15,-38 -7,-38 L25,-38 Q31,-38 35,-32 '
            f'L47,-17 L57,-14 Q63,-12 63,-5 L63,10 Z" fill="{fill}"/>'
            f'<path d="M-14,-19 L-5,-31 L8,-31 L8,-19 Z M13,-19 L13,-31 L25,-31 L33,-19 Z" fill="{WHITE}"/>'
            f'<circle cx="-37" cy="12" r="12" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>'
            f'<circle cx="39" cy="12" r="12" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>')


def truck_side(fill=BLACK):
    return (f'<path d="M-64,14 L-64,-12 L-56,-30 L-37,-30 L-37,14 Z" fill="{fill}"/>'
            f'<path d="M-60,-12 L-54,-25 L-43,-25 L-43,-12 Z" fill="{WHITE}"/>'
            f'<rect x="-33" y="-42" width="97" height="50" fill="{fill}"/>'
            f'<rect x="-64" y="8" width="128" height="7" fill="{fill}"/>'
            f'<circle cx="-47" cy="18" r="11" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>'
            f'<circle cx="30" cy="18" r="11" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>'
            f'<circle cx="52" cy="18" r="11" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>')


def bus_side(fill=BLACK):
    glass = BLUE if fill == WHITE else WHITE
    windows = "".join(f'<rect x="{x}" y="-28" width="17" height="15" fill="{glass}"/>' for x in (-40, -19, 2, 23, 44))
    return (f'<rect x="-66" y="-38" width="132" height="52" rx="7" fill="{fill}"/>'
            f'<path d="M-60,-28 L-46,-28 L-46,-4 L-60,-4 Z" fill="{glass}"/>' + windows +
            f'<circle cx="-40" cy="16" r="11" fill="{fill}" stroke="{glass}" stroke-width="3"/>'
            f'<circle cx="42" cy="16" r="11" fill="{fill}" stroke="{glass}" stroke-width="3"/>')


def motorcycle_side(fill=BLACK):
    return (f'<circle cx="-40" cy="18" r="17" fill="none" stroke="{fill}" stroke-width="7"/>'
            f'<circle cx="40" cy="18" r="17" fill="none" stroke="{fill}" stroke-width="7"/>'
            f'<path d="M-40,18 L-12,-2 L20,-2 M28,-24 L40,18" stroke="{fill}" stroke-width="7" fill="none" '
            f'stroke-linecap="round" stroke-linejoin="round"/>'
            f'<path d="M-34,-10 L-4,-10 Q2,-24 18,-20 L26,-8 L-8,2 L-30,0 Z" fill="{fill}"/>'
            f'<rect x="-12" y="-2" width="24" height="18" rx="3" fill="{fill}"/>'
            f'<path d="M20,-28 L36,-30" stroke="{fill}" stroke-width="6" stroke-linecap="round"/>'
            f'<path d="M-20,14 L-52,8" stroke="{fill}" stroke-width="5" stroke-linecap="round"/>')


def bicycle(fill=BLACK):
    return (f'<circle cx="-36" cy="16" r="22" fill="none" stroke="{fill}" stroke-width="6"/>'
            f'<circle cx="36" cy="16" r="22" fill="none" stroke="{fill}" stroke-width="6"/>'
            f'<path d="M-36,16 L-2,16 L-12,-16 Z M-2,16 L26,-16 L-12,-16 M26,-16 L36,16 M20,-26 L30,-16 '
            f'M-22,-22 L-2,-22" stroke="{fill}" stroke-width="6" fill="none" stroke-linecap="round" '
            f'stroke-linejoin="round"/>')


def pedestrian(fill=BLACK, width=11):
    return (f'<circle cx="2" cy="-50" r="11" fill="{fill}"/>'
            f'<path d="M0,-34 L5,2 M5,2 L-14,40 M5,2 L22,38 M0,-28 L-18,-4 M0,-28 L16,-8" stroke="{fill}" '
            f'stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>')


def children(fill=BLACK):
    return (g(pedestrian(fill), -22, 6, 0.8) + g(pedestrian(fill), 26, 18, 0.62) +
            f'<path d="M-9,-12 L12,2" stroke="{fill}" stroke-width="6" stroke-linecap="round"/>')


def worker(fill=BLACK):
    return (f'<circle cx="-10" cy="-40" r="10" fill="{fill}"/>'
            f'<path d="M-12,-26 L0,4 M0,4 L-18,34 M0,4 L14,34 M-10,-20 L18,-4 M-8,-18 L22,-18" stroke="{fill}" '
            f'stroke-width="10" stroke-linecap="round" stroke-linejoin="round" fill="none"/>'
            f'<path d="M30,-30 L16,16" stroke="{fill}" stroke-width="5" stroke-linecap="round"/>'
            f'<path d="M8,14 L24,14 L20,26 L10,24 Z" fill="{fill}"/>'
            f'<path d="M26,36 Q40,8 58,36 Z" fill="{fill}"/>')


def locomotive(fill=BLACK):
    return (f'<rect x="-58" y="-14" width="80" height="30" rx="4" fill="{fill}"/>'
            f'<rect x="18" y="-40" width="40" height="56" fill="{fill}"/>'
            f'<rect x="26" y="-32" width="24" height="16" fill="{WHITE}"/>'
            f'<rect x="-50" y="-34" width="14" height="22" fill="{fill}"/>'
            f'<path d="M-62,16 L-70,28 L-58,28 Z" fill="{fill}"/>'
            + "".join(f'<circle cx="{x}" cy="24" r="10" fill="{fill}" stroke="{WHITE}" stroke-width="3"/>'
                      for x in (-40, -14, 12, 40)))


def fence(fill=BLACK):
    posts = "".join(f'<rect x="{x}" y="-34" width="12" height="68" fill="{fill}"/>' for x in (-52, -6, 40))
    return posts + (f'<rect x="-60" y="-22" width="120" height="11" fill="{fill}"/>'
                    f'<rect x="-60" y="10" width="120" height="11" fill="{fill}"/>')


def horn(fill=BLACK):
    return (f'<path d="M-58,-10 L-20,-10 L34,-40 L34,40 L-20,10 L-58,10 Z" fill="{fill}"/>'
            f'<rect x="-66" y="-16" width="10" height="32" rx="3" fill="{fill}"/>')


def traffic_light():
    return (f'<rect x="-20" y="-52" width="40" height="104" rx="9" fill="{BLACK}"/>'
            f'<circle cx="0" cy="-31" r="12" fill="{RED}"/><circle cx="0" cy="0" r="12" fill="#f5a000"/>'
            f'<circle cx="0" cy="31" r="12" fill="#1c9c3c"/>')


def houses(fill=WHITE):
    return (f'<path d="M-80,40 L-80,0 L-55,-24 L-30,0 L-30,40 Z M-24,40 L-24,-40 L14,-40 L14,40 Z '
            f'M20,40 L20,-6 L48,-30 L76,-6 L76,40 Z" fill="{fill}"/>'
            f'<path d="M-16,-30 h8 v10 h-8 Z M0,-30 h8 v10 h-8 Z M-16,-10 h8 v10 h-8 Z M0,-10 h8 v10 h-8 Z '
            f'M-16,10 h8 v10 h-8 Z M0,10 h8 v10 h-8 Z" fill="{BLUE}"/>')


# ---------------------------------------------------------------- arrows (pointing up, centred, ~120 tall)

def arrow_up(fill, length=120, shaft=22, head=56, head_len=44):
    top = -length / 2
    bottom = length / 2
    return (f'<path d="M{-shaft/2:g},{bottom:g} L{-shaft/2:g},{top+head_len:g} L{-head/2:g},{top+head_len:g} '
            f'L0,{top:g} L{head/2:g},{top+head_len:g} L{shaft/2:g},{top+head_len:g} L{shaft/2:g},{bottom:g} Z" '
            f'fill="{fill}"/>')


def arrow_turn(fill, right=True):
    """Shaft up from bottom, then a 90 degree bend with the head pointing sideways."""
    s = 1 if right else -1
    return g(f'<path d="M-30,62 L-30,-6 Q-30,-28 -8,-28 L18,-28" stroke="{fill}" stroke-width="22" fill="none"/>'
             f'<path d="M14,-56 L56,-28 L14,0 Z" fill="{fill}"/>', mirror=(s < 0))


def arrow_straight_right(fill):
    return (f'<path d="M-14,62 L-14,-20" stroke="{fill}" stroke-width="20" fill="none"/>'
            f'<path d="M-40,-16 L-14,-60 L12,-16 Z" fill="{fill}"/>'
            f'<path d="M-14,30 Q-14,6 10,6 L24,6" stroke="{fill}" stroke-width="20" fill="none"/>'
            f'<path d="M20,-18 L58,6 L20,30 Z" fill="{fill}"/>')


def arrow_uturn(fill):
    return (f'<path d="M26,62 L26,-14 Q26,-46 -2,-46 Q-30,-46 -30,-14 L-30,4" stroke="{fill}" stroke-width="20" '
            f'fill="none"/><path d="M-56,0 L-30,44 L-4,0 Z" fill="{fill}"/>')


def arrow_bend(fill, left=True):
    return g(f'<path d="M10,58 L10,2 Q10,-26 -16,-34" stroke="{fill}" stroke-width="18" fill="none"/>'
             f'<path d="M-8,-58 L-44,-38 L-10,-12 Z" fill="{fill}"/>', mirror=not left)


def circling_arrows(fill):
    out = []
    for k in range(3):
        ang = k * 120
        out.append(g(f'<path d="M-34,-46 A58,58 0 0 0 -56,14" stroke="{fill}" stroke-width="16" fill="none"/>'
                     f'<path d="M-74,6 L-56,38 L-36,8 Z" fill="{fill}"/>', rotate=ang))
    return "".join(out)


# ---------------------------------------------------------------- sign frames

def prohibition(content="", bar=False, fill=WHITE):
    bar_svg = (f'<line x1="{128-70:g}" y1="{128-70:g}" x2="{128+70:g}" y2="{128+70:g}" stroke="{RED}" '
               f'stroke-width="20"/>' if bar else "")
    return (f'<circle cx="128" cy="128" r="120" fill="{WHITE}"/>'
            f'<circle cx="128" cy="128" r="106" fill="{fill}" stroke="{RED}" stroke-width="24"/>'
            f'{content}{bar_svg}')


def end_restriction(content=""):
    stripes = "".join(
        f'<line x1="{128+70+d:g}" y1="{128-70+d:g}" x2="{128-70+d:g}" y2="{128+70+d:g}" stroke="{BLACK}" '
        f'stroke-width="5"/>' for d in (-18, -9, 0, 9, 18))
    return (f'<clipPath id="c"><circle cx="128" cy="128" r="112"/></clipPath>'
            f'<circle cx="128" cy="128" r="116" fill="{WHITE}" stroke="{BLACK}" stroke-width="4"/>'
            f'{content}<g clip-path="url(#c)">{stripes}</g>')


def mandatory(content):
    return (f'<circle cx="128" cy="128" r="120" fill="{WHITE}"/>'
            f'<circle cx="128" cy="128" r="115" fill="{BLUE}"/>{content}')


def warning(content, inverted=False):
    if inverted:
        pts = "22,36 234,36 128,226"
    else:
        pts = "128,28 22,218 234,218"
    return (f'<polygon points="{pts}" fill="{YELLOW}" stroke="{RED}" stroke-width="22" stroke-linejoin="round"/>'
            f'{content}')


def info(content, background=BLUE):
    return (f'<rect x="10" y="10" width="236" height="236" rx="20" fill="{background}"/>'
            f'<rect x="20" y="20" width="216" height="216" rx="12" fill="none" stroke="{WHITE}" stroke-width="5"/>'
            f'{content}')


def stop_sign():
    pts = []
    for k in range(8):
        a = math.radians(22.5 + 45 * k)
        pts.append(f"{128 + 120 * math.cos(a):.2f},{128 + 120 * math.sin(a):.2f}")
    inner = []
    for k in range(8):
        a = math.radians(22.5 + 45 * k)
        inner.append(f"{128 + 108 * math.cos(a):.2f},{128 + 108 * math.sin(a):.2f}")
    return (f'<polygon points="{" ".join(pts)}" fill="{WHITE}"/>'
            f'<polygon points="{" ".join(inner)}" fill="{RED}"/>' + text("STOP", 128, 150, 64, WHITE))


def priority_diamond(ended=False):
    stripes = ""
    if ended:
        lines = "".join(f'<line x1="{200+d:g}" y1="{56+d:g}" x2="{56+d:g}" y2="{200+d:g}" stroke="{BLACK}" '
                        f'stroke-width="5"/>' for d in (-14, -5, 4, 13))
        stripes = (f'<clipPath id="cd"><polygon points="128,44 212,128 128,212 44,128"/></clipPath>'
                   f'<g clip-path="url(#cd)">{lines}</g>')
    return (f'<polygon points="128,6 250,128 128,250 6,128" fill="{WHITE}" stroke="{BLACK}" stroke-width="3"/>'
            f'<polygon points="128,44 212,128 128,212 44,128" fill="{YELLOW}"/>{stripes}')


# ---------------------------------------------------------------- the Vietnamese demo signs

C = (128, 128)


def at(content, x=128, y=128, scale=1.0, mirror=False, rotate=0):
    return g(content, x, y, scale, rotate, mirror)


SIGNS = {
    # prohibition
    "p-101": lambda: prohibition(),
    "p-102": lambda: (f'<circle cx="128" cy="128" r="120" fill="{WHITE}"/><circle cx="128" cy="128" r="116" '
                      f'fill="{RED}"/><rect x="42" y="108" width="172" height="40" fill="{WHITE}"/>'),
    "p-103a": lambda: prohibition(at(car_side(), 128, 138, 1.15)),
    "p-104": lambda: prohibition(at(motorcycle_side(), 128, 130, 1.05)),
    "p-105": lambda: prohibition(at(car_side(), 128, 98, 0.95) + at(motorcycle_side(), 128, 168, 0.75)),
    "p-106a": lambda: prohibition(at(truck_side(), 128, 136, 1.08)),
    "p-107": lambda: prohibition(at(bus_side(), 128, 94, 0.82) + at(truck_side(), 128, 170, 0.8)),
    "p-110a": lambda: prohibition(at(bicycle(), 128, 132, 1.1)),
    "p-112": lambda: prohibition(at(pedestrian(), 128, 132, 1.15)),
    "p-115": lambda: prohibition(text("10t", 128, 152, 70)),
    "p-117": lambda: prohibition('<path d="M98,44 L158,44 L128,78 Z M98,212 L158,212 L128,178 Z" fill="#1a1a1a"/>'
                                 + text("3.5m", 128, 146, 50)),
    "p-123a": lambda: prohibition(at(arrow_turn(BLACK, right=False), 128, 134, 1.0), bar=True),
    "p-123b": lambda: prohibition(at(arrow_turn(BLACK, right=True), 128, 134, 1.0), bar=True),
    "p-124a": lambda: prohibition(at(arrow_uturn(BLACK), 128, 128, 1.05), bar=True),
    "p-125": lambda: prohibition(at(car_side(RED), 88, 132, 0.6, mirror=True)
                                 + at(car_side(BLACK), 168, 132, 0.6, mirror=True)),
    "p-127": lambda: prohibition(text("50", 128, 158, 92)),
    "p-128": lambda: prohibition(at(horn(), 128, 128, 1.2), bar=True),
    "p-130": lambda: prohibition(f'<path d="M62,62 L194,194 M194,62 L62,194" stroke="{RED}" stroke-width="20"/>',
                                 fill=BLUE),
    "p-131a": lambda: prohibition("", bar=True, fill=BLUE),
    "p-132": lambda: prohibition(at(arrow_up(BLACK, 130, 20, 48, 40), 92, 128, 1.0, rotate=180)
                                 + at(arrow_up(RED, 130, 20, 48, 40), 164, 128)),
    "dp-133": lambda: end_restriction(at(car_side(GREY), 90, 130, 0.55, mirror=True)
                                      + at(car_side(GREY), 166, 130, 0.55, mirror=True)),
    "dp-134": lambda: end_restriction(text("50", 128, 158, 92, GREY)),
    "dp-135": lambda: end_restriction(),
    "r-122": stop_sign,
    # warning
    "w-201a": lambda: warning(at(arrow_bend(BLACK, left=True), 128, 150, 0.95)),
    "w-201b": lambda: warning(at(arrow_bend(BLACK, left=False), 128, 150, 0.95)),
    "w-203a": lambda: warning(f'<path d="M92,202 L92,160 Q92,140 108,124 L108,84 L96,84 L96,120 Q80,136 80,160 '
                              f'L80,202 Z M164,202 L164,160 Q164,140 148,124 L148,84 L160,84 L160,120 Q176,136 '
                              f'176,160 L176,202 Z" fill="{BLACK}"/>'),
    "w-204": lambda: warning(at(arrow_up(BLACK, 96, 14, 36, 30), 106, 156, rotate=180)
                             + at(arrow_up(BLACK, 96, 14, 36, 30), 150, 156)),
    "w-205a": lambda: warning(f'<path d="M116,86 L140,86 L140,138 L180,138 L180,160 L140,160 L140,206 L116,206 '
                              f'L116,160 L76,160 L76,138 L116,138 Z" fill="{BLACK}"/>'),
    "w-206": lambda: warning(at(circling_arrows(BLACK), 128, 152, 0.62)),
    "w-207a": lambda: warning(f'<rect x="114" y="80" width="28" height="128" fill="{BLACK}"/>'
                              f'<rect x="72" y="142" width="112" height="12" fill="{BLACK}"/>'),
    "w-208": lambda: warning("", inverted=True),
    "w-209": lambda: warning(at(traffic_light(), 128, 156, 0.95)),
    "w-210": lambda: warning(at(fence(), 128, 162, 0.95)),
    "w-211a": lambda: warning(at(locomotive(), 128, 162, 0.9)),
    "w-219": lambda: warning(f'<path d="M60,200 L196,200 L60,150 Z" fill="{BLACK}"/>'
                             + text("10%", 146, 160, 32)),
    "w-220": lambda: warning(f'<path d="M60,200 L196,200 L196,150 Z" fill="{BLACK}"/>'
                             + text("10%", 110, 160, 32)),
    "w-221b": lambda: warning(f'<path d="M58,196 L198,196 L198,186 L170,186 Q154,150 138,186 L118,186 '
                              f'Q102,150 86,186 L58,186 Z" fill="{BLACK}"/>'),
    "w-222a": lambda: warning(at(car_side(), 128, 132, 0.62)
                              + f'<path d="M92,198 Q108,176 96,160 M118,200 Q138,178 124,160 M150,200 Q170,178 156,160" '
                                f'stroke="{BLACK}" stroke-width="7" fill="none" stroke-linecap="round"/>'),
    "w-224": lambda: warning("".join(f'<rect x="{x}" y="190" width="14" height="14" fill="{BLACK}"/>'
                                     for x in (74, 98, 122, 146, 170)) + at(pedestrian(), 128, 134, 0.82)),
    "w-225": lambda: warning(at(children(), 128, 156, 0.9)),
    "w-227": lambda: warning(at(worker(), 122, 160, 0.95)),
    "w-233": lambda: warning(f'<rect x="116" y="82" width="24" height="82" rx="8" fill="{BLACK}"/>'
                             f'<circle cx="128" cy="186" r="14" fill="{BLACK}"/>'),
    "w-245a": lambda: warning(text("ĐI", 128, 150, 40) + text("CHẬM", 128, 196, 40)),
    # mandatory
    "r-301a": lambda: mandatory(at(arrow_up(WHITE), 128, 128)),
    "r-301d": lambda: mandatory(at(arrow_turn(WHITE, right=True), 122, 128)),
    "r-301e": lambda: mandatory(at(arrow_turn(WHITE, right=False), 134, 128)),
    "r-301f": lambda: mandatory(at(arrow_straight_right(WHITE), 124, 128)),
    "r-302a": lambda: mandatory(at(arrow_up(WHITE, 130), 128, 128, rotate=135)),
    "r-303": lambda: mandatory(at(circling_arrows(WHITE), 128, 128, 0.95)),
    "r-304": lambda: mandatory(at(bicycle(WHITE), 128, 130, 1.2)),
    "r-305": lambda: mandatory(at(pedestrian(WHITE), 128, 132, 1.2)),
    "r-306": lambda: mandatory(text("30", 128, 160, 96, WHITE)),
    "r-307": lambda: mandatory(text("30", 128, 160, 96, WHITE)
                               + f'<line x1="200" y1="56" x2="56" y2="200" stroke="{RED}" stroke-width="18"/>'),
    # information
    "i-401": lambda: priority_diamond(),
    "i-402": lambda: priority_diamond(ended=True),
    "i-405a": lambda: info(f'<rect x="112" y="92" width="32" height="120" fill="{WHITE}"/>'
                           f'<rect x="68" y="56" width="120" height="36" fill="{RED}"/>'),
    "i-406": lambda: info(at(arrow_up(RED, 130, 20, 48, 40), 92, 128, rotate=180)
                          + at(arrow_up(WHITE, 130, 20, 48, 40), 164, 128)),
    "i-407a": lambda: info(at(arrow_up(WHITE, 170, 30, 80, 60), 128, 128)),
    "i-408": lambda: info(text("P", 128, 192, 180, WHITE)),
    "i-409": lambda: info(at(arrow_uturn(WHITE), 128, 132, 1.2)),
    "i-420": lambda: info(at(houses(), 128, 132, 1.1)),
    "i-421": lambda: info(at(houses(), 128, 132, 1.1)
                          + f'<line x1="40" y1="216" x2="216" y2="40" stroke="{RED}" stroke-width="16"/>'),
    "i-423b": lambda: info(f'<polygon points="128,38 222,206 34,206" fill="{WHITE}"/>'
                           + "".join(f'<rect x="{x}" y="184" width="14" height="12" fill="{BLACK}"/>'
                                     for x in (80, 102, 124, 146, 168))
                           + at(pedestrian(), 128, 130, 0.78)),
    "i-425": lambda: info(f'<rect x="58" y="58" width="140" height="140" fill="{WHITE}"/>'
                          f'<path d="M114,72 h28 v42 h42 v28 h-42 v42 h-28 v-42 h-42 v-28 h42 Z" fill="{RED}"/>'),
    "i-434a": lambda: info(at(bus_side(WHITE), 128, 128, 1.25)),
}

# ---------------------------------------------------------------- intersection diagrams (top view, north up)

GRASS = "#cfe3b5"
ROAD = "#8a8f96"
MARK = "#f4f4f4"
VEHICLE_COLOURS = {"A": "#1f5fc4", "B": "#d2262b", "C": "#1f8f3a"}


def arrowhead_defs():
    defs = []
    for name, col in (("A", VEHICLE_COLOURS["A"]), ("B", VEHICLE_COLOURS["B"]), ("C", VEHICLE_COLOURS["C"]),
                      ("K", BLACK)):
        defs.append(f'<marker id="h{name}" viewBox="0 0 10 10" refX="6" refY="5" markerWidth="4" markerHeight="4" '
                    f'orient="auto"><path d="M0,0 L10,5 L0,10 Z" fill="{col}"/></marker>')
    return "<defs>" + "".join(defs) + "</defs>"


def path_arrow(d, who="K"):
    col = VEHICLE_COLOURS.get(who, BLACK)
    return (f'<path d="{d}" stroke="{col}" stroke-width="4" fill="none" stroke-dasharray="9 5" '
            f'marker-end="url(#h{who})"/>')


HEADING = {"N": 0, "E": 90, "S": 180, "W": 270, "SE": 135, "NE": 45}


def vehicle(kind, x, y, heading, label=""):
    rot = HEADING[heading] if isinstance(heading, str) else heading
    col = VEHICLE_COLOURS.get(label, "#555555")
    if kind == "car":
        body = (f'<rect x="-11" y="-19" width="22" height="38" rx="6" fill="{col}" stroke="{BLACK}" stroke-width="1.5"/>'
                f'<rect x="-8" y="-11" width="16" height="7" rx="2" fill="#dbe9f7"/>')
    elif kind == "truck":
        col = VEHICLE_COLOURS.get(label, "#e07b12")
        body = (f'<rect x="-13" y="-34" width="26" height="18" rx="3" fill="{col}" stroke="{BLACK}" stroke-width="1.5"/>'
                f'<rect x="-10" y="-31" width="20" height="6" fill="#dbe9f7"/>'
                f'<rect x="-14" y="-14" width="28" height="48" fill="#f2a33a" stroke="{BLACK}" stroke-width="1.5"/>')
    elif kind == "moto":
        body = (f'<rect x="-5" y="-15" width="10" height="30" rx="5" fill="{col}" stroke="{BLACK}" stroke-width="1.5"/>'
                f'<line x1="-9" y1="-9" x2="9" y2="-9" stroke="{BLACK}" stroke-width="3"/>'
                f'<circle cx="0" cy="1" r="5" fill="#333"/>')
    elif kind == "ambulance":
        body = (f'<rect x="-12" y="-22" width="24" height="44" rx="5" fill="{WHITE}" stroke="{BLACK}" stroke-width="1.5"/>'
                f'<rect x="-9" y="-16" width="18" height="6" rx="2" fill="#dbe9f7"/>'
                f'<path d="M-3,-2 h6 v6 h6 v6 h-6 v6 h-6 v-6 h-6 v-6 h6 Z" fill="{RED}"/>'
                f'<rect x="-6" y="-22" width="12" height="4" fill="#2f6fff"/>')
    elif kind == "fire":
        body = (f'<rect x="-13" y="-30" width="26" height="60" rx="4" fill="{RED}" stroke="{BLACK}" stroke-width="1.5"/>'
                f'<rect x="-10" y="-26" width="20" height="7" rx="2" fill="#dbe9f7"/>'
                f'<path d="M-6,-14 L-6,26 M6,-14 L6,26 M-6,-6 L6,-6 M-6,4 L6,4 M-6,14 L6,14" stroke="#eeeeee" '
                f'stroke-width="2"/><rect x="-6" y="-30" width="12" height="4" fill="#2f6fff"/>')
    else:
        raise KeyError(kind)
    lab = ""
    if label:
        lab = (f'<circle cx="{x:g}" cy="{y:g}" r="9" fill="{WHITE}" stroke="{BLACK}" stroke-width="1.5"/>'
               + text(label, x, y + 5, 13))
    return g(body, x, y, rotate=rot) + lab


def compass():
    return (f'<g transform="translate(232 26)"><circle r="15" fill="{WHITE}" stroke="{BLACK}" stroke-width="1.5"/>'
            f'<path d="M0,-11 L6,4 L0,1 L-6,4 Z" fill="{BLACK}"/>{text("N", 0, 13, 10)}</g>')


def crossroads(stop_lines=False):
    s = (f'<rect x="92" y="0" width="72" height="256" fill="{ROAD}"/>'
         f'<rect x="0" y="92" width="256" height="72" fill="{ROAD}"/>')
    dash = f'stroke="{MARK}" stroke-width="2.5" stroke-dasharray="10 8"'
    s += (f'<line x1="128" y1="0" x2="128" y2="88" {dash}/><line x1="128" y1="168" x2="128" y2="256" {dash}/>'
          f'<line x1="0" y1="128" x2="88" y2="128" {dash}/><line x1="168" y1="128" x2="256" y2="128" {dash}/>')
    if stop_lines:
        s += (f'<line x1="128" y1="170" x2="164" y2="170" stroke="{MARK}" stroke-width="4"/>'
              f'<line x1="92" y1="86" x2="128" y2="86" stroke="{MARK}" stroke-width="4"/>'
              f'<line x1="86" y1="128" x2="86" y2="164" stroke="{MARK}" stroke-width="4"/>'
              f'<line x1="170" y1="92" x2="170" y2="128" stroke="{MARK}" stroke-width="4"/>')
    return s


def t_junction():
    dash = f'stroke="{MARK}" stroke-width="2.5" stroke-dasharray="10 8"'
    return (f'<rect x="0" y="92" width="256" height="72" fill="{ROAD}"/>'
            f'<rect x="92" y="164" width="72" height="92" fill="{ROAD}"/>'
            f'<line x1="0" y1="128" x2="256" y2="128" {dash}/><line x1="128" y1="168" x2="128" y2="256" {dash}/>')


def straight_road(solid=False):
    line = (f'<line x1="128" y1="0" x2="128" y2="256" stroke="{MARK}" stroke-width="3"/>' if solid else
            f'<line x1="128" y1="0" x2="128" y2="256" stroke="{MARK}" stroke-width="2.5" stroke-dasharray="10 8"/>')
    return (f'<rect x="80" y="0" width="96" height="256" fill="{ROAD}"/>'
            f'<line x1="80" y1="0" x2="80" y2="256" stroke="#6d7177" stroke-width="3"/>'
            f'<line x1="176" y1="0" x2="176" y2="256" stroke="#6d7177" stroke-width="3"/>{line}')


def mini_sign(key, x, y, size=34):
    inner = SIGNS[key]().replace('id="c"', f'id="c{key}"').replace("url(#c)", f"url(#c{key})")
    return (f'<line x1="{x:g}" y1="{y:g}" x2="{x:g}" y2="{y + size * 0.75:g}" stroke="#444" stroke-width="2"/>'
            + g(g(inner, -128, -128), x, y, size / SIZE))


def lamp(x, y, colour):
    on = {"red": RED, "green": "#1c9c3c"}[colour]
    r_col = on if colour == "red" else "#4a1c1c"
    g_col = on if colour == "green" else "#173d21"
    return (f'<rect x="{x - 8:g}" y="{y - 20:g}" width="16" height="40" rx="3" fill="{BLACK}"/>'
            f'<circle cx="{x:g}" cy="{y - 10:g}" r="5.5" fill="{r_col}"/><circle cx="{x:g}" cy="{y:g}" r="5.5" '
            f'fill="#4a3a10"/><circle cx="{x:g}" cy="{y + 10:g}" r="5.5" fill="{g_col}"/>')


def officer(x, y):
    return (f'<line x1="{x - 24:g}" y1="{y:g}" x2="{x + 24:g}" y2="{y:g}" stroke="#23395d" stroke-width="7" '
            f'stroke-linecap="round"/><circle cx="{x:g}" cy="{y:g}" r="11" fill="#23395d"/>'
            f'<circle cx="{x:g}" cy="{y:g}" r="7" fill="{WHITE}" stroke="#c9a400" stroke-width="2"/>')


def walker(x, y):
    return f'<circle cx="{x:g}" cy="{y:g}" r="7" fill="#f2c48d" stroke="{BLACK}" stroke-width="1.5"/>' \
           f'<circle cx="{x:g}" cy="{y:g}" r="3" fill="#3b2a1a"/>'


def roundabout():
    dash = f'stroke="{MARK}" stroke-width="2.5" stroke-dasharray="10 8"'
    return (f'<rect x="98" y="0" width="60" height="256" fill="{ROAD}"/>'
            f'<rect x="0" y="98" width="256" height="60" fill="{ROAD}"/>'
            f'<circle cx="128" cy="128" r="96" fill="{ROAD}"/>'
            f'<circle cx="128" cy="128" r="48" fill="{GRASS}" stroke="{MARK}" stroke-width="3"/>'
            f'<line x1="128" y1="0" x2="128" y2="30" {dash}/><line x1="128" y1="226" x2="128" y2="256" {dash}/>'
            f'<line x1="0" y1="128" x2="30" y2="128" {dash}/><line x1="226" y1="128" x2="256" y2="128" {dash}/>')


def scene(parts):
    return arrowhead_defs() + f'<rect width="256" height="256" fill="{GRASS}"/>' + "".join(parts) + compass()


LEFT_FROM_SOUTH = "M146,184 L146,140 Q146,110 116,110 L14,110"
DIAGRAMS = {
    "d-01": lambda: scene([crossroads(), path_arrow("M146,186 L146,14", "A"), path_arrow("M186,110 L14,110", "B"),
                           vehicle("car", 146, 210, "N", "A"), vehicle("car", 210, 110, "W", "B")]),
    "d-02": lambda: scene([crossroads(), path_arrow("M146,186 L146,14", "A"), path_arrow("M74,146 L244,146"),
                           vehicle("car", 146, 210, "N", "A"), vehicle("ambulance", 46, 146, "E")]),
    "d-03": lambda: scene([t_junction(), mini_sign("w-208", 186, 186), path_arrow(LEFT_FROM_SOUTH, "A"),
                           path_arrow("M78,146 L244,146", "B"), vehicle("car", 146, 212, "N", "A"),
                           vehicle("truck", 42, 146, "E", "B")]),
    "d-04": lambda: scene([crossroads(), path_arrow(LEFT_FROM_SOUTH, "A"), path_arrow("M110,72 L110,244", "B"),
                           vehicle("car", 146, 210, "N", "A"), vehicle("moto", 110, 48, "S", "B")]),
    "d-05": lambda: scene([crossroads(stop_lines=True), lamp(176, 190, "red"), lamp(66, 182, "green"),
                           path_arrow("M146,186 L146,14", "A"), path_arrow("M72,146 L244,146", "B"),
                           vehicle("car", 146, 212, "N", "A"), vehicle("moto", 50, 146, "E", "B")]),
    "d-06": lambda: scene([crossroads(), path_arrow("M146,184 L146,150", "A"), path_arrow("M70,146 L244,146", "B"),
                           officer(128, 128), vehicle("car", 146, 210, "N", "A"), vehicle("moto", 48, 146, "E", "B")]),
    "d-07": lambda: scene([roundabout(), mini_sign("r-303", 196, 206, 36),
                           path_arrow("M86,178 A72,72 0 0 0 200,128", "A"),
                           vehicle("car", 74, 166, 140, "A"), vehicle("moto", 146, 236, "N", "B")]),
    "d-08": lambda: scene([straight_road(solid=True), path_arrow("M152,172 Q104,150 104,110 Q104,70 152,52", "A"),
                           vehicle("truck", 152, 116, "N", "B"), vehicle("car", 152, 200, "N", "A")]),
    "d-09": lambda: scene([straight_road()] + [f'<rect x="{x}" y="96" width="9" height="30" fill="{MARK}"/>'
                                                for x in range(84, 176, 15)]
                          + [walker(116, 110), walker(150, 104), path_arrow("M146,180 L146,140", "A"),
                             vehicle("moto", 146, 206, "N", "A")]),
    "d-10": lambda: scene([straight_road(),
                           f'<rect x="0" y="66" width="256" height="34" fill="#a58b6b"/>'
                           + "".join(f'<rect x="{x}" y="64" width="6" height="38" fill="#5a4630"/>'
                                     for x in range(4, 256, 16))
                           + f'<line x1="0" y1="74" x2="256" y2="74" stroke="#444" stroke-width="4"/>'
                             f'<line x1="0" y1="92" x2="256" y2="92" stroke="#444" stroke-width="4"/>'
                             f'<rect x="0" y="68" width="70" height="30" rx="4" fill="#2d5f8a" stroke="{BLACK}"/>'
                             f'<line x1="130" y1="146" x2="174" y2="146" stroke="{MARK}" stroke-width="5"/>'
                             f'<line x1="180" y1="116" x2="128" y2="116" stroke="{RED}" stroke-width="6" '
                             f'stroke-dasharray="8 8"/><line x1="180" y1="116" x2="128" y2="116" stroke="{WHITE}" '
                             f'stroke-width="6" stroke-dasharray="8 8" stroke-dashoffset="8"/>'
                             f'<circle cx="186" cy="116" r="5" fill="#444"/>'
                             f'<circle cx="196" cy="128" r="6" fill="{RED}" stroke="{BLACK}"/>'
                             f'<circle cx="210" cy="128" r="6" fill="#4a1c1c" stroke="{BLACK}"/>',
                           path_arrow("M146,190 L146,156", "A"), vehicle("moto", 146, 214, "N", "A")]),
    "d-11": lambda: scene([crossroads(), path_arrow("M146,186 L146,14", "A"), path_arrow("M186,110 L14,110", "B"),
                           path_arrow("M110,70 L110,244", "C"), vehicle("car", 146, 210, "N", "A"),
                           vehicle("car", 210, 110, "W", "B"), vehicle("car", 110, 46, "S", "C")]),
    "d-12": lambda: scene([t_junction(), path_arrow("M72,146 L244,146", "A"), path_arrow(LEFT_FROM_SOUTH, "B"),
                           vehicle("car", 46, 146, "E", "A"), vehicle("moto", 146, 208, "N", "B")]),
    "d-13": lambda: scene([f'<rect x="0" y="100" width="256" height="72" fill="{ROAD}"/>'
                           f'<line x1="0" y1="136" x2="256" y2="136" stroke="{MARK}" stroke-width="2.5" '
                           f'stroke-dasharray="10 8"/><rect x="16" y="8" width="224" height="70" fill="#d9c7a3" '
                           f'stroke="#7a6a4a" stroke-width="2"/><rect x="80" y="58" width="44" height="42" '
                           f'fill="#b9b0a0"/>',
                           path_arrow("M102,80 L102,104 Q102,118 80,118 L14,118", "A"),
                           path_arrow("M186,118 L14,118", "B"),
                           vehicle("car", 102, 62, "S", "A"), vehicle("moto", 212, 118, "W", "B")]),
    "d-14": lambda: scene([crossroads(), path_arrow("M146,186 L146,14", "A"), path_arrow("M110,80 L110,244"),
                           path_arrow("M186,110 L14,110"), vehicle("car", 146, 210, "N", "A"),
                           vehicle("fire", 110, 44, "S"), vehicle("ambulance", 212, 110, "W")]),
    "d-15": lambda: scene([straight_road(), vehicle("car", 160, 150, "N", "A"), vehicle("car", 96, 92, "N", "B"),
                           f'<rect x="92" y="0" width="6" height="256" fill="none"/>',
                           path_arrow("M146,250 L146,214"), path_arrow("M110,6 L110,40")]),
}

DRAWINGS = {}
DRAWINGS.update({f"signs/vn/{k}.png": (lambda f=f: svg_doc(f())) for k, f in SIGNS.items()})
DRAWINGS.update({f"diagrams/vn/{k}.png": (lambda f=f: svg_doc(f())) for k, f in DIAGRAMS.items()})


def referenced_keys(bank_paths):
    """Image keys referenced by the banks, and the number of skipped video keys."""
    keys, videos = set(), set()
    for path in bank_paths:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        for q in doc.get("questions", []):
            for m in q.get("media", []) or []:
                (videos if m.get("kind") == "video" else keys).add(m["key"])
    return sorted(keys), sorted(videos)


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        print("\n".join(sorted(DRAWINGS)))
        return 0
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    banks = argv[2:] or sorted(glob.glob(os.path.join(here, "..", "*-bank.json")))
    if not banks:
        print("draw_signs: no bank files found", file=sys.stderr)
        return 2
    keys, videos = referenced_keys(banks)
    missing = [k for k in keys if k not in DRAWINGS]
    if missing:
        print(f"draw_signs: ERROR: {len(missing)} referenced image key(s) have no drawing: " + ", ".join(missing),
              file=sys.stderr)
        return 1
    converter = shutil.which("rsvg-convert")
    if not converter:
        print("draw_signs: ERROR: rsvg-convert not found (apt-get install -y librsvg2-bin fonts-dejavu-core)",
              file=sys.stderr)
        return 1
    written = 0
    for key in keys:
        png = os.path.join(out, key)
        svg_path = png[:-4] + ".svg"
        os.makedirs(os.path.dirname(png), exist_ok=True)
        svg = DRAWINGS[key]()
        with open(svg_path, "w", encoding="utf-8") as fh:
            fh.write(svg)
        res = subprocess.run([converter, "-w", str(SIZE), "-h", str(SIZE), "-f", "png", "-o", png, svg_path],
                             capture_output=True, text=True)
        if res.returncode != 0:
            print(f"draw_signs: ERROR: rsvg-convert failed for {key}: {res.stderr.strip()}", file=sys.stderr)
            return 1
        written += 1
    n_signs = sum(1 for k in keys if k.startswith("signs/"))
    print(f"draw_signs: {written} PNG files ({n_signs} signs, {written - n_signs} diagrams) written to {out}; "
          f"{len(videos)} video key(s) skipped; {len(banks)} bank file(s) read")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
