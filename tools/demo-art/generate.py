#!/usr/bin/env python3
"""Harbor Supply demo art generator.

Draws the flat SVG illustrations used by the demo catalog:
  * one square (800x800) picture per product image listed in
    src/Ecommerce.Shared/Data/Seeding/demo-catalog.json -> src/Ecommerce.Web/wwwroot/images/products/
  * one landscape (800x500) picture per category          -> .../wwwroot/images/categories/
  * hero.svg (1600x600), logo.svg (64x64) and placeholder.svg (800x800) -> .../wwwroot/images/

Each product image file name (without .svg) is looked up in ART below, which says which item shape
to draw and in which colors. Backgrounds are tinted by the product's top-level category.
The JSON itself is not modified.

Rerun from anywhere (Python 3 standard library only):
    python3 tools/demo-art/generate.py            # (re)write every SVG
    python3 tools/demo-art/generate.py --sheet /tmp/sheet.svg   # also write a contact sheet for review
"""
import json
import math
import re
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CATALOG = os.path.join(ROOT, "src", "Ecommerce.Shared", "Data", "Seeding", "demo-catalog.json")
WWW = os.path.join(ROOT, "src", "Ecommerce.Web", "wwwroot")

# ---------------------------------------------------------------------------------------------
# Small helpers

def n(v):
    """Compact number formatting."""
    if isinstance(v, float):
        v = round(v, 1)
        if v == int(v):
            v = int(v)
    return str(v)


def _rgb(c):
    c = c.lstrip("#")
    return [int(c[i:i + 2], 16) for i in (0, 2, 4)]


def mix(c1, c2, t):
    a, b = _rgb(c1), _rgb(c2)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def sh(c, t=0.2):
    """Darker shade."""
    return mix(c, "#1b1e24", t)


def li(c, t=0.2):
    """Lighter tint."""
    return mix(c, "#ffffff", t)


def lum(c):
    r, g, b = _rgb(c)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def R(x, y, w, h, f, rx=0, ex=""):
    r = f' rx="{n(rx)}"' if rx else ""
    return f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}"{r} fill="{f}"{ex}/>'


def C(cx, cy, r, f, ex=""):
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{f}"{ex}/>'


def E(cx, cy, rx, ry, f, ex=""):
    return f'<ellipse cx="{n(cx)}" cy="{n(cy)}" rx="{n(rx)}" ry="{n(ry)}" fill="{f}"{ex}/>'


def P(d, f, ex=""):
    return f'<path d="{d}" fill="{f}"{ex}/>'


def S(d, stroke, w, ex=""):
    return f'<path d="{d}" fill="none" stroke="{stroke}" stroke-width="{n(w)}" stroke-linecap="round" stroke-linejoin="round"{ex}/>'


def G(inner, tr):
    return f'<g transform="{tr}">{inner}</g>'


def op(o):
    return f' opacity="{o}"'


K = "#2f333a"      # near black
MET = "#c5ccd4"    # light metal
MET2 = "#9aa3ad"   # darker metal
WOOD = "#c8955f"
WOODD = "#9c6b3e"
CREAM = "#f4efe4"
GLOW = "#ffe9a8"

# ---------------------------------------------------------------------------------------------
# Shapes. Each draws one item in an 800x800 box, standing on a floor at y ~ 630.
# Signature: fn(c, a, view, uid) -> svg markup. c = main color, a = accent color or None,
# view = optional variant name, uid = prefix for ids (patterns) so shapes can be combined.

SHAPES = {}
SHADOW = {}   # half-width of the floor shadow per shape (None = no floor shadow)


def shape(name, shadow=220):
    def deco(fn):
        SHAPES[name] = fn
        SHADOW[name] = shadow
        return fn
    return deco


@shape("lamp", 200)
def lamp(c, a, view, uid):
    s = ""
    if view == "on":
        s += P("M458 300 L582 300 L690 628 L350 628 Z", GLOW, op(".45"))
    s += E(300, 622, 118, 16, sh(c, .35))
    s += R(186, 592, 228, 32, c, 16)
    s += S("M300 596 L300 330 Q300 214 430 214 L486 214", c, 18)
    s += C(300, 470, 15, sh(c, .25)) + C(300, 596, 12, sh(c, .25))
    s += P("M428 300 Q428 196 520 196 Q612 196 612 300 Z", c)
    s += E(520, 300, 92, 15, sh(c, .3)) + E(520, 302, 62, 9, GLOW if view == "on" else "#fff6d6")
    s += C(486, 214, 12, sh(c, .25))
    s += P("M455 220 Q470 210 490 208", "none", f' stroke="{li(c, .35)}" stroke-width="6" stroke-linecap="round"')
    return s


@shape("laptop_stand", 230)
def laptop_stand(c, a, view, uid):
    s = R(248, 168, 304, 222, K, 14) + R(264, 184, 272, 188, "#8fb4d6", 4)
    s += P("M264 372 L400 184 L470 184 L334 372 Z", "#ffffff", op(".18"))
    s += C(400, 176, 3, "#555")
    s += P("M248 388 L552 388 L590 424 L210 424 Z", "#d9dde2") + R(210, 422, 380, 10, "#aeb5be", 4)
    s += P("M196 436 L604 436 L614 452 L186 452 Z", sh(c, .18))
    s += P("M238 452 L264 452 L304 622 L278 622 Z", c) + P("M562 452 L536 452 L496 622 L522 622 Z", c)
    s += S("M262 540 L538 540", sh(c, .15), 10)
    s += R(240, 614, 100, 16, sh(c, .1), 8) + R(460, 614, 100, 16, sh(c, .1), 8)
    return s


@shape("keyboard", 290)
def keyboard(c, a, view, uid):
    a = a or "#e07a3f"
    s = R(124, 404, 552, 206, sh(c, .35), 24) + R(124, 388, 552, 206, c, 24)
    keys, acc = [], []
    for r in range(4):
        y = 410 + r * 37
        for k in range(13):
            x = 150 + k * 38.6
            target = acc if (r == 0 and k == 0) or (r == 2 and k == 12) else keys
            target.append(f"M{n(x)} {y}h31v29h-31z")
    y = 558
    for x, w in ((150, 70), (227, 70), (304, 192), (503, 70), (580, 70)):
        keys.append(f"M{x} {y}h{w}v26h-{w}z")
    kc = li(c, .6)
    s += P("".join(keys), kc, f' stroke="{kc}" stroke-width="6" stroke-linejoin="round"')
    s += P("".join(acc), a, f' stroke="{a}" stroke-width="6" stroke-linejoin="round"')
    return s


@shape("headphones", 210)
def headphones(c, a, view, uid):
    d = sh(c, .4)
    s = S("M212 440 C212 170 588 170 588 440", c, 32)
    s += S("M285 258 Q400 196 515 258", d, 24)
    s += R(196, 392, 30, 60, MET, 10) + R(574, 392, 30, 60, MET, 10)
    s += R(160, 428, 104, 186, c, 46) + R(536, 428, 104, 186, c, 46)
    s += R(246, 444, 42, 154, d, 20) + R(512, 444, 42, 154, d, 20)
    s += E(206, 521, 24, 58, li(c, .15)) + E(594, 521, 24, 58, li(c, .15))
    s += R(182, 470, 8, 100, "#ffffff", 4, op(".25")) + R(558, 470, 8, 100, "#ffffff", 4, op(".25"))
    return s


@shape("earbuds", 240)
def earbuds(c, a, view, uid):
    d = sh(c, .12)
    s = R(284, 434, 232, 190, d, 80) + R(284, 430, 232, 186, c, 80)
    s += S("M290 500 L510 500", sh(c, .2), 4) + C(400, 560, 7, "#7bd389")
    for x, side in ((196, -1), (604, 1)):
        s += R(x - 17, 500, 34, 124, c, 17) + R(x - 17, 500, 12, 124, d, 6)
        s += C(x, 492, 52, c) + C(x, 492, 52, "none", f' stroke="{d}" stroke-width="4"')
        s += E(x + side * 40, 478, 22, 30, sh(c, .45)) + C(x - side * 8, 500, 18, d)
    return G(s, "translate(400 630) scale(1.2) translate(-400 -630)")


@shape("speaker", 140)
def speaker(c, a, view, uid):
    pid = uid + "g"
    s = f'<defs><pattern id="{pid}" width="16" height="16" patternUnits="userSpaceOnUse">{C(8, 8, 3.5, sh(c, .45))}</pattern></defs>'
    s += S("M350 236 Q350 176 400 176 Q450 176 450 236", sh(c, .5), 16)
    s += R(300, 226, 200, 408, c, 80) + R(318, 300, 164, 270, sh(c, .15), 24)
    s += R(318, 300, 164, 270, f"url(#{pid})", 24)
    s += E(400, 248, 66, 14, sh(c, .3)) + C(370, 248, 6, li(c, .5)) + C(400, 248, 6, li(c, .5)) + C(430, 248, 6, li(c, .5))
    s += R(314, 612, 172, 24, sh(c, .45), 12)
    s += R(312, 270, 12, 300, "#ffffff", 6, op(".22"))
    return s


@shape("bookshelf_speakers", 290)
def bookshelf_speakers(c, a, view, uid):
    s = ""
    for x in (130, 440):
        cx = x + 115
        s += R(x, 250, 230, 372, c, 12) + R(x + 12, 262, 206, 348, sh(c, .12), 8)
        s += S(f"M{x + 30} 280 Q{x + 60} 420 {x + 40} 590 M{x + 190} 280 Q{x + 170} 430 {x + 200} 590", li(c, .12), 4)
        s += C(cx, 340, 36, K) + C(cx, 340, 17, MET)
        s += C(cx, 500, 82, K) + C(cx, 500, 62, "#4a515b") + C(cx, 500, 22, K)
        s += R(x + 20, 620, 40, 12, K, 4) + R(x + 170, 620, 40, 12, K, 4)
    return s


@shape("record_player", 270)
def record_player(c, a, view, uid):
    a = a or "#e07a5f"
    s = R(140, 468, 520, 118, sh(c, .2), 14) + P("M184 356 L616 356 L660 472 L140 472 Z", c)
    s += R(170, 584, 52, 16, K, 4) + R(578, 584, 52, 16, K, 4)
    s += E(372, 418, 170, 44, MET2) + E(372, 412, 158, 40, "#1f2328")
    s += E(372, 412, 118, 30, "none", ' stroke="#3d434c" stroke-width="3"') + E(372, 412, 84, 21, "none", ' stroke="#3d434c" stroke-width="3"')
    s += E(372, 412, 40, 11, a) + C(372, 412, 3, "#eeeeee")
    s += C(580, 386, 18, MET) + S("M580 386 L566 446 L470 452", MET, 8) + R(452, 444, 26, 16, K, 4)
    s += C(606, 528, 13, sh(c, .45)) + C(560, 528, 9, sh(c, .45))
    return s


@shape("power_bank", 200)
def power_bank(c, a, view, uid):
    s = S("M186 540 Q120 540 120 600 Q120 630 160 630 L250 630", "#3a3f46", 10)
    s += R(182, 526, 40, 28, "#3a3f46", 8) + R(216, 532, 14, 16, MET, 3)
    s += R(228, 398, 344, 232, sh(c, .3), 34) + R(228, 386, 344, 230, c, 34)
    s += R(246, 398, 300, 12, li(c, .2), 6)
    for i, x in enumerate((452, 474, 496, 518)):
        s += C(x, 578, 6, "#6fd3ff" if i < 3 else sh(c, .3))
    s += C(520, 436, 10, sh(c, .35))
    return s


@shape("cable", 240)
def cable(c, a, view, uid):
    s = S("M206 472 Q150 560 190 604 L246 610", c, 16) + S("M596 472 Q650 560 604 604 L552 610", c, 16)
    s += E(400, 470, 198, 96, "none", f' stroke="{sh(c, .15)}" stroke-width="16"')
    s += E(408, 468, 170, 80, "none", f' stroke="{c}" stroke-width="16"')
    s += E(394, 474, 140, 64, "none", f' stroke="{li(c, .1)}" stroke-width="16"')
    s += R(240, 596, 62, 30, sh(c, .35), 10) + R(300, 603, 36, 16, MET, 6)
    s += R(498, 596, 62, 30, sh(c, .35), 10) + R(464, 603, 36, 16, MET, 6)
    s += R(382, 362, 40, 46, "#9b6a43", 8) + C(402, 385, 5, "#d8b98a")
    return s


@shape("wall_charger", 170)
def wall_charger(c, a, view, uid):
    s = R(383, 232, 16, 80, MET, 6) + R(436, 232, 16, 80, MET, 6)
    s += P("M290 332 L340 296 L540 296 L490 332 Z", "#ffffff")
    s += R(383, 268, 16, 44, MET) + R(436, 268, 16, 44, MET)
    s += P("M490 332 L540 296 L540 530 L490 566 Z", sh(c, .16))
    s += R(290, 332, 200, 234, c, 6) + R(290, 332, 200, 234, "none", 6, f' stroke="{sh(c, .1)}" stroke-width="3"')
    s += R(324, 400, 24, 74, K, 12) + R(364, 400, 24, 74, K, 12) + R(420, 392, 30, 90, K, 4)
    s += C(390, 520, 8, "#9be7c4")
    return s


@shape("charging_pad", 250)
def charging_pad(c, a, view, uid):
    s = S("M616 556 Q706 556 706 616 L706 632", "#e8e4dc", 12)
    s += E(400, 574, 232, 64, sh(c, .28)) + R(168, 540, 464, 34, sh(c, .28))
    s += E(400, 540, 232, 64, c)
    s += E(400, 536, 150, 40, "none", f' stroke="{li(c, .3)}" stroke-width="5"')
    for x, y in ((300, 520), (350, 566), (470, 512), (520, 560), (410, 580), (260, 552), (560, 530)):
        s += C(x, y, 3, sh(c, .18))
    s += E(400, 598, 16, 5, "#9be7c4")
    return s


@shape("solar_panel", 310)
def solar_panel(c, a, view, uid):
    s = R(340, 520, 120, 92, sh(c, .2), 12) + S("M360 550 L440 550", sh(c, .45), 4)
    for x in (128, 315, 502):
        s += R(x, 222, 170, 304, c, 12) + R(x + 14, 238, 142, 272, "#233a5e", 4)
        s += S(f"M{x + 61} 238 V510 M{x + 109} 238 V510 M{x + 14} 306 H{x + 156} M{x + 14} 374 H{x + 156} M{x + 14} 442 H{x + 156}", "#4f73a8", 3)
        s += P(f"M{x + 14} 238 L{x + 90} 238 L{x + 14} 360 Z", "#ffffff", op(".12"))
        s += C(x + 12, 232, 5, MET) + C(x + 158, 232, 5, MET)
    s += R(296, 240, 22, 270, sh(c, .25)) + R(483, 240, 22, 270, sh(c, .25))
    return s


@shape("skillet", 290)
def skillet(c, a, view, uid):
    s = G(R(536, 444, 228, 42, c, 21) + C(738, 465, 10, li(c, .7)), "rotate(-10 560 465)")
    s += R(100, 452, 70, 34, c, 15)
    s += E(350, 494, 214, 124, sh(c, .35)) + E(350, 474, 214, 122, c)
    s += E(350, 484, 182, 98, li(c, .08))
    s += S("M210 430 Q260 392 330 384", "#ffffff", 6, op(".25"))
    return s


@shape("dutch_oven", 220)
def dutch_oven(c, a, view, uid):
    s = R(176, 420, 64, 38, sh(c, .1), 17) + R(560, 420, 64, 38, sh(c, .1), 17)
    s += P("M220 400 L580 400 L572 556 Q566 624 498 624 L302 624 Q234 624 228 556 Z", c)
    s += P("M240 430 L262 430 L272 590 Q258 580 252 560 Z", "#ffffff", op(".22"))
    s += E(400, 402, 204, 40, sh(c, .18)) + E(400, 392, 188, 32, li(c, .12))
    s += R(368, 340, 64, 30, MET, 12) + R(388, 362, 24, 24, MET2)
    return s


@shape("knife", 260)
def knife(c, a, view, uid):
    s = P("M150 474 L470 450 L470 532 Q280 536 150 474 Z", "#d3d8de")
    s += S("M176 482 Q300 518 468 516", "#eef1f4", 5)
    s += R(466, 444, 26, 94, MET2, 6)
    s += P("M490 458 L690 464 Q714 466 714 491 Q714 516 690 518 L490 524 Z", c)
    s += C(545, 491, 8, MET) + C(605, 491, 8, MET) + C(665, 491, 8, MET)
    return G(s, "rotate(-14 430 500)")


@shape("cutting_board", 260)
def cutting_board(c, a, view, uid):
    a = a or "#dcb682"
    s = R(168, 394, 464, 226, sh(c, .3), 14) + R(168, 380, 464, 220, c, 14)
    cells = []
    for r in range(4):
        for k in range(8):
            if (r + k) % 2 == 0:
                cells.append(f"M{n(180 + k * 55)} {n(392 + r * 49)}h55v49h-55z")
    s += P("".join(cells), a)
    s += R(190, 402, 420, 176, "none", 10, f' stroke="{sh(c, .35)}" stroke-width="5"')
    return s


@shape("saucepan", 250)
def saucepan(c, a, view, uid):
    s = P("M528 452 L724 420 Q744 418 744 438 Q744 456 724 460 L528 494 Z", sh(c, .1)) + C(546, 472, 6, MET2)
    s += P("M250 420 L530 420 L530 580 Q530 624 486 624 L294 624 Q250 624 250 580 Z", c)
    s += R(268, 440, 18, 170, li(c, .4), 9) + R(298, 440, 6, 170, li(c, .3), 3)
    s += E(390, 420, 142, 28, sh(c, .15))
    s += E(390, 410, 140, 26, "#dceaf2", op(".85")) + E(390, 410, 140, 26, "none", f' stroke="{sh(c, .1)}" stroke-width="6"')
    s += R(370, 376, 40, 30, K, 12)
    return s


@shape("mug", 190)
def mug(c, a, view, uid):
    s = S("M470 420 Q562 420 562 482 Q562 548 470 548", c, 32)
    s += R(250, 336, 230, 288, c, 34)
    s += P("M250 384 Q280 404 310 388 Q340 408 370 390 Q400 406 430 388 Q456 402 480 386 L480 360 L250 360 Z", li(c, .22))
    if view == "speckled":
        for i in range(40):
            x = 262 + (i * 73) % 206
            y = 360 + (i * 131) % 220
            s += C(x, y, 2.5, "#6b6359")
    s += P("M250 592 L480 592 L480 592 Q480 624 448 624 L282 624 Q250 624 250 592 Z", "#d9c3a5")
    s += E(365, 338, 115, 24, sh(c, .22)) + E(365, 342, 100, 17, "#5b3a29")
    s += S("M340 300 Q322 270 344 244 Q366 218 350 192", "#ffffff", 8, op(".8"))
    return s


@shape("kettle", 220)
def kettle(c, a, view, uid):
    a = a or "#b98a5c"
    s = R(236, 596, 328, 34, sh(c, .3), 14)
    s += S("M284 560 C200 560 210 380 146 330", c, 20) + S("M146 330 L126 318", c, 14)
    s += S("M512 404 Q604 404 604 474 Q604 544 528 562", a, 26)
    s += P("M268 598 L284 410 Q290 366 334 364 L466 364 Q510 366 516 410 L532 598 Z", c)
    s += P("M330 366 Q400 316 470 366 Z", sh(c, .2)) + C(400, 330, 15, a)
    s += R(300, 400, 14, 180, "#ffffff", 7, op(".14"))
    return s


@shape("french_press", 170)
def french_press(c, a, view, uid):
    s = S("M500 330 Q574 330 574 430 Q574 530 500 548", c, 22)
    s += R(300, 300, 200, 300, "#dcecf4", 10, op(".9"))
    s += R(305, 430, 190, 166, "#6b4026", 6) + R(305, 418, 190, 16, "#b07a4a", 4)
    s += R(396, 256, 8, 90, sh(c, .15)) + R(305, 338, 190, 10, sh(c, .3), 3)
    s += R(318, 314, 14, 272, "#ffffff", 7, op(".5"))
    s += R(290, 590, 220, 36, c, 10) + R(290, 284, 220, 26, c, 8)
    s += P("M300 286 Q400 240 500 286 Z", sh(c, .1))
    s += R(394, 198, 12, 62, c) + E(400, 192, 26, 16, K)
    return s


@shape("coffee_bag", 190)
def coffee_bag(c, a, view, uid):
    a = a or "#2f5d7c"
    s = P("M268 300 L532 300 L546 606 Q546 626 526 626 L274 626 Q254 626 254 606 Z", c)
    s += R(262, 236, 276, 78, sh(c, .12), 6) + R(248, 270, 304, 12, "#8a8f96", 6)
    s += R(306, 380, 188, 176, a, 12)
    s += G(E(0, 0, 32, 46, CREAM) + S("M0 -40 Q-14 0 0 40", a, 5), "translate(400 448) rotate(20)")
    s += R(346, 512, 108, 10, CREAM, 5) + R(366, 530, 68, 8, CREAM, 4)
    s += C(400, 342, 12, sh(c, .22))
    s += S("M272 320 L262 600", "#ffffff", 6, op(".2"))
    return s


@shape("tea_tin", 160)
def tea_tin(c, a, view, uid):
    a = a or CREAM
    s = R(300, 330, 200, 294, c, 14)
    s += R(300, 420, 200, 124, a)
    s += P("M400 440 Q450 470 400 526 Q350 470 400 440 Z", "#6f8f5f") + S("M400 452 L400 520", li("#6f8f5f", .4), 3)
    s += R(292, 288, 216, 72, sh(c, .18), 12) + E(400, 290, 108, 18, li(c, .2))
    s += R(312, 372, 12, 236, "#ffffff", 6, op(".22"))
    return s


@shape("espresso", 250)
def espresso(c, a, view, uid):
    cup = "#f7f5f1"
    s = R(196, 232, 408, 380, c, 18) + R(186, 214, 428, 24, sh(c, .22), 8)
    for x in (262, 336):
        s += P(f"M{x} 170 L{x + 56} 170 L{x + 50} 212 L{x + 6} 212 Z", cup) + S(f"M{x + 56} 182 q16 0 16 12 q0 12 -18 12", cup, 6)
    s += R(226, 262, 348, 76, sh(c, .08), 10)
    s += C(298, 300, 28, "#ffffff") + C(298, 300, 28, "none", f' stroke="{sh(c, .35)}" stroke-width="5"') + S("M298 300 L314 284", "#d9534f", 4)
    s += C(470, 300, 13, K) + C(520, 300, 13, K)
    s += R(358, 360, 84, 42, sh(c, .28), 8) + R(348, 400, 104, 28, K, 10) + S("M452 414 L566 432", K, 22)
    s += R(382, 428, 10, 14, K) + R(408, 428, 10, 14, K)
    s += P("M372 484 L428 484 L424 530 Q424 540 414 540 L386 540 Q376 540 376 530 Z", cup)
    s += R(222, 542, 356, 36, sh(c, .32), 6) + S("M250 560 H550", sh(c, .5), 4)
    s += S("M232 372 L196 470 L206 504", MET2, 9)
    s += R(216, 612, 40, 16, K, 4) + R(544, 612, 40, 16, K, 4)
    s += R(206, 250, 12, 340, "#ffffff", 6, op(".3"))
    return s


@shape("candle", 150)
def candle(c, a, view, uid):
    s = ""
    if view == "lid":
        s += R(292, 346, 216, 46, WOOD, 12) + S("M304 356 H496", li(WOOD, .25), 4)
    else:
        s += C(400, 340, 74, GLOW, op(".4"))
        s += S("M400 400 L400 374", K, 4)
        s += P("M400 296 Q428 342 414 368 Q400 384 386 368 Q372 342 400 296 Z", "#ffb347")
        s += P("M400 330 Q412 352 406 366 Q400 372 394 366 Q388 352 400 330 Z", "#ffe28a")
    s += R(300, 382, 200, 242, c, 24)
    if view != "lid":
        s += E(400, 400, 92, 14, "#f3ead8")
    s += R(322, 472, 156, 92, CREAM, 6) + R(350, 500, 100, 10, sh(c, .1), 5) + R(370, 520, 60, 8, sh(c, .1), 4)
    s += R(312, 404, 12, 196, "#ffffff", 6, op(".35"))
    return s


@shape("vase", 160)
def vase(c, a, view, uid):
    stem = "#c8a96a"
    s = S("M400 320 Q380 220 330 150 M404 320 Q420 210 470 140 M398 320 Q396 230 400 120 M402 320 Q450 240 520 210", stem, 5)
    for x, y in ((330, 150), (470, 140), (400, 120), (520, 210)):
        s += E(x, y, 10, 26, stem) if x != 520 else E(x, y, 24, 10, stem)
    s += P("M350 300 L450 300 L450 332 Q540 380 540 482 Q540 600 472 626 L328 626 Q260 600 260 482 Q260 380 350 332 Z", c)
    d = sh(c, .14)
    s += S("M300 390 Q276 500 318 614 M340 350 Q322 500 350 622 M400 336 V624 M460 350 Q478 500 450 622 M500 390 Q524 500 482 614", d, 5)
    s += E(400, 300, 50, 10, sh(c, .25))
    return s


@shape("cushion", 230)
def cushion(c, a, view, uid):
    d = "M200 252 Q400 292 600 252 Q560 444 600 632 Q400 592 200 632 Q240 444 200 252 Z"
    s = P(d, c) + S(d, sh(c, .22), 7)
    s += S("M232 290 Q330 360 372 424 M568 290 Q470 360 428 424 M232 600 Q330 520 372 460 M568 600 Q470 520 428 460", sh(c, .1), 5)
    s += C(400, 442, 12, sh(c, .2))
    s += S("M240 300 Q300 330 340 320", "#ffffff", 6, op(".25"))
    return s


@shape("clock", None)
def clock(c, a, view, uid):
    s = C(414, 416, 240, "#1d2733", op(".1"))
    s += C(400, 400, 240, c) + C(400, 400, 204, sh(c, .22)) + C(400, 400, 190, "#fbfaf6")
    for i in range(8):
        ang = math.radians(i * 45 + 22.5)
        s += C(400 + 222 * math.cos(ang), 400 + 222 * math.sin(ang), 8, sh(c, .3))
    s += "".join(f'<rect x="395" y="226" width="10" height="{36 if i % 3 == 0 else 22}" fill="{K}" transform="rotate({i * 30} 400 400)"/>' for i in range(12))
    s += S("M400 400 L464 336", K, 13) + S("M400 400 L356 250", K, 8) + S("M400 440 L400 246", "#d9534f", 3)
    s += C(400, 400, 12, K)
    s += S("M262 330 Q300 250 380 226", "#ffffff", 12, op(".5"))
    return s


@shape("planter", 170)
def planter(c, a, view, uid):
    greens = ("#4f8a5b", "#6aa56f", "#3f7350")
    s = ""
    for i, (ang, ln) in enumerate(((-62, 190), (-35, 240), (-12, 260), (12, 250), (36, 230), (62, 180), (-80, 140), (80, 150))):
        g = greens[i % 3]
        leaf = P(f"M0 0 Q38 -{ln // 2} 0 -{ln} Q-38 -{ln // 2} 0 0 Z", g) + S(f"M0 -10 L0 -{ln - 20}", li(g, .3), 3)
        s += G(leaf, f"translate(400 400) rotate({ang})")
    s += E(400, 616, 152, 18, sh(c, .25)) + R(246, 598, 308, 22, c, 10)
    s += P("M270 400 L530 400 L502 604 L298 604 Z", c)
    s += R(254, 380, 292, 52, li(c, .08), 8) + S("M260 432 H540", sh(c, .2), 4)
    s += P("M292 436 L318 436 L330 600 L312 600 Z", "#ffffff", op(".15"))
    return s


@shape("tent", 300)
def tent(c, a, view, uid):
    g = "#8a8f96"
    s = S("M214 400 L96 628 M586 400 L704 628", g, 3) + R(90, 616, 10, 20, K) + R(700, 616, 10, 20, K)
    s += P("M140 628 Q250 330 400 248 Q550 330 660 628 Z", c)
    s += P("M400 248 Q550 330 660 628 L520 628 Q500 400 400 248 Z", sh(c, .14))
    s += P("M300 628 Q318 452 400 356 Q482 452 500 628 Z", sh(c, .4))
    s += P("M400 356 Q340 450 332 628 L300 628 Q318 452 400 356 Z", sh(c, .25))
    s += S("M400 362 V628", sh(c, .55), 3)
    s += S("M140 628 Q250 330 400 248 Q550 330 660 628", sh(c, .3), 5)
    s += P("M380 262 L420 262 L412 282 L388 282 Z", sh(c, .35))
    return s


@shape("sleeping_bag", 290)
def sleeping_bag(c, a, view, uid):
    a = a or "#e8a54b"
    s = P("M158 452 Q158 330 282 320 L602 362 Q688 374 694 452 Q688 530 602 542 L282 584 Q158 574 158 452 Z", c)
    s += S("M360 330 Q380 452 360 574 M440 340 Q460 452 440 564 M520 350 Q540 452 520 554 M600 362 Q618 452 600 542", sh(c, .2), 6)
    s += E(250, 452, 72, 94, a) + E(258, 452, 52, 70, sh(c, .55))
    s += S("M314 334 L590 372", sh(c, .4), 4) + R(584, 360, 22, 14, MET, 4)
    s += S("M200 380 Q220 350 260 340", "#ffffff", 6, op(".25"))
    return G(s, "rotate(-6 420 452)")


@shape("lantern", 170)
def lantern(c, a, view, uid):
    s = C(400, 440, 160, GLOW, op(".35"))
    s += S("M334 300 Q400 184 466 300", sh(c, .4), 12)
    s += R(324, 326, 152, 214, "#fff3c4", 22) + R(384, 360, 32, 150, "#ffd766", 16)
    s += S("M340 332 V534 M460 332 V534", sh(c, .3), 8)
    s += P("M306 334 L494 334 L458 282 L342 282 Z", c) + R(386, 268, 28, 18, sh(c, .3), 6)
    s += P("M318 536 L482 536 L504 626 L296 626 Z", c) + C(400, 584, 14, sh(c, .35))
    return s


@shape("camp_stove", 180)
def camp_stove(c, a, view, uid):
    fl = "#5aa9ff"
    s = P("M270 466 Q270 402 400 398 Q530 402 530 466 L530 602 Q530 626 506 626 L294 626 Q270 626 270 602 Z", c)
    s += R(270, 506, 260, 72, li(c, .25)) + R(290, 470, 14, 140, "#ffffff", 7, op(".2"))
    s += R(378, 350, 44, 56, MET) + S("M422 380 L478 392", K, 8)
    s += S("M346 336 L252 300 L246 284 M454 336 L548 300 L554 284 M400 332 V292", MET2, 10)
    s += P("M338 330 L462 330 L442 360 L358 360 Z", MET2)
    for x in (360, 400, 440):
        s += P(f"M{x} 262 Q{x + 16} 300 {x + 10} 324 L{x - 10} 324 Q{x - 16} 300 {x} 262 Z", fl)
        s += P(f"M{x} 292 Q{x + 7} 310 {x + 4} 324 L{x - 4} 324 Q{x - 7} 310 {x} 292 Z", "#cfe6ff")
    return s


@shape("camp_chair", 220)
def camp_chair(c, a, view, uid):
    fr = "#5f6672"
    s = S("M288 450 L304 630 M512 450 L496 630", fr, 12)
    s += P("M280 228 L520 228 L510 452 L290 452 Z", c)
    s += S("M292 244 H508 M296 436 H504", sh(c, .2), 3)
    s += S("M280 228 L290 452 M520 228 L510 452", fr, 12)
    s += P("M246 452 L554 452 L584 532 L216 532 Z", sh(c, .14))
    s += S("M226 534 L196 630 M574 534 L604 630 M216 570 L300 600 M584 570 L500 600", fr, 12)
    s += R(190, 426, 100, 18, fr, 9) + R(510, 426, 100, 18, fr, 9) + R(176, 412, 40, 36, sh(c, .35), 8)
    return s


@shape("hammock", 210)
def hammock(c, a, view, uid):
    bark = "#8b6a4a"
    s = R(80, 120, 62, 520, bark, 12) + R(658, 120, 62, 520, bark, 12)
    s += S("M100 200 V600 M690 180 V560", sh(bark, .25), 4)
    s += R(76, 296, 70, 20, sh(c, .45), 6) + R(654, 296, 70, 20, sh(c, .45), 6)
    s += S("M142 306 L236 360 M658 306 L564 360", "#7b6f63", 5)
    s += P("M232 354 Q400 612 568 354 Q400 478 232 354 Z", c)
    s += P("M232 354 Q400 478 568 354 Q400 440 232 354 Z", li(c, .25))
    s += S("M300 430 Q400 520 500 430", sh(c, .2), 4)
    return s


@shape("backpack", 180)
def backpack(c, a, view, uid):
    d = sh(c, .35)
    s = S("M370 226 Q400 190 430 226", d, 10)
    s += R(238, 280, 32, 200, d, 16) + R(530, 280, 32, 200, d, 16)
    s += P("M270 250 Q270 220 302 220 L498 220 Q530 220 530 250 L546 600 Q546 626 520 626 L280 626 Q254 626 254 600 Z", c)
    s += P("M256 480 L290 480 L296 620 L278 620 Q256 620 256 600 Z", sh(c, .22))
    s += P("M266 252 Q268 214 306 214 L494 214 Q532 214 534 252 L536 334 Q400 352 264 334 Z", sh(c, .12))
    s += S("M300 298 Q400 312 500 298", d, 4)
    s += R(322, 334, 18, 72, K, 4) + R(460, 334, 18, 72, K, 4) + R(318, 394, 26, 22, "#3d4249", 5) + R(456, 394, 26, 22, "#3d4249", 5)
    s += R(308, 436, 184, 160, sh(c, .14), 30) + S("M326 464 H474", d, 4) + R(468, 456, 10, 22, K, 3)
    s += R(382, 360, 36, 22, li(c, .35), 4)
    s += R(282, 260, 10, 200, "#ffffff", 5, op(".18"))
    return s


@shape("bottle", 130)
def bottle(c, a, view, uid):
    s = S("M372 214 Q400 164 428 214", K, 10)
    s += R(344, 208, 112, 62, K, 14) + R(334, 270, 132, 18, MET)
    s += R(330, 284, 140, 342, c, 30) + R(346, 304, 14, 300, li(c, .28), 7)
    s += R(330, 560, 140, 8, sh(c, .12))
    return s


@shape("trekking_poles", 150)
def trekking_poles(c, a, view, uid):
    def pole(x):
        p = S(f"M{x - 14} 196 Q{x - 62} 252 {x - 14} 286", c, 8)
        p += R(x - 9, 296, 18, 176, "#2d3136") + R(x - 7, 470, 14, 140, "#3e444b")
        p += R(x - 14, 458, 28, 20, c, 5)
        p += R(x - 17, 180, 34, 122, "#c89b6b", 15) + R(x - 19, 170, 38, 20, K, 8)
        p += S(f"M{x - 10} 200 H{x + 10} M{x - 10} 222 H{x + 10} M{x - 10} 244 H{x + 10} M{x - 10} 266 H{x + 10}", "#a97d52", 3)
        p += E(x, 594, 30, 9, K) + R(x - 4, 600, 8, 30, MET)
        return p
    return G(pole(360), "rotate(-5 360 630)") + G(pole(440), "rotate(5 440 630)")


@shape("headlamp", 230)
def headlamp(c, a, view, uid):
    s = S("M190 440 A210 120 0 0 1 610 440", sh(c, .35), 34)
    s += S("M190 440 A210 120 0 0 0 610 440", c, 40)
    s += S("M210 470 A200 110 0 0 0 590 470", li(c, .25), 4)
    s += R(316, 504, 168, 112, "#2f3338", 28) + C(400, 560, 46, "#d0d4da") + C(400, 560, 36, "#fff6cf")
    s += C(400, 560, 70, GLOW, op(".35")) + C(458, 594, 7, "#e54b4b")
    return s


@shape("compass", 240)
def compass(c, a, view, uid):
    c = c or "#d9534f"
    s = S("M228 330 Q150 300 176 240 Q200 190 254 222", c, 7)
    ticks = "".join(f"M{250 + i * 14} 520 v{14 if i % 5 == 0 else 8}" for i in range(23))
    body = R(220, 300, 360, 232, "#cfe3ec", 22, op(".9")) + R(220, 300, 360, 232, "none", 22, ' stroke="#93b2c2" stroke-width="4"')
    body += S(ticks, "#4a5560", 2) + P("M250 330 L270 312 L290 330 Z", c)
    body += C(440, 410, 98, "#3a4048") + C(440, 410, 80, "#eef4f6")
    body += S("".join(f"M{n(440 + 70 * math.cos(math.radians(t)))} {n(410 + 70 * math.sin(math.radians(t)))} L{n(440 + 80 * math.cos(math.radians(t)))} {n(410 + 80 * math.sin(math.radians(t)))}" for t in range(0, 360, 30)), "#3a4048", 3)
    body += S("M440 400 V330", "#e05a4f", 3, op(".5"))
    body += P("M440 340 L454 410 L426 410 Z", c) + P("M440 480 L454 410 L426 410 Z", "#ffffff") + C(440, 410, 7, K)
    body += C(300, 462, 28, "#ffffff", op(".55"))
    return s + G(body, "rotate(-12 400 416)")


@shape("beanie", 210)
def beanie(c, a, view, uid):
    s = P("M238 500 Q238 250 400 240 Q562 250 562 500 Z", c)
    s += S("".join(f"M{x} 498 Q{n(x + (x - 400) * .05)} 360 {n(400 + (x - 400) * .45)} 262 " for x in range(270, 540, 30)), sh(c, .12), 6)
    s += R(222, 478, 356, 126, sh(c, .08), 26)
    s += S("".join(f"M{x} 490 V592 " for x in range(244, 570, 22)), sh(c, .22), 6)
    s += R(378, 510, 44, 30, "#a9825a", 4)
    return s


@shape("tote", 220)
def tote(c, a, view, uid):
    a = a or "#8a5a36"
    s = S("M300 360 Q306 172 400 168 Q494 172 500 360", sh(a, .25), 18)
    s += S("M330 360 Q334 214 400 212 Q466 214 470 360", a, 18)
    s += P("M228 340 L572 340 L592 626 L208 626 Z", c) + R(228, 340, 344, 26, sh(c, .12))
    s += C(330, 380, 6, "#c9a45c") + C(470, 380, 6, "#c9a45c")
    s += P("M208 626 L212 566 L268 626 Z", a) + P("M592 626 L588 566 L532 626 Z", a)
    s += S("M300 420 Q320 500 290 580 M480 440 Q470 520 500 590", li(c, .12), 5)
    return s


@shape("cap", 250)
def cap(c, a, view, uid):
    s = P("M556 494 Q690 490 738 540 Q690 568 556 542 Z", sh(c, .18))
    s += P("M220 522 Q214 318 396 300 Q574 310 590 500 L590 522 Z", c)
    s += S("M398 302 Q330 400 322 520 M398 302 Q470 390 500 520", sh(c, .2), 4)
    s += C(396, 300, 14, sh(c, .2)) + C(290, 420, 5, sh(c, .35)) + C(470, 400, 5, sh(c, .35))
    s += R(214, 508, 380, 20, sh(c, .28), 10)
    s += S("M260 420 Q280 350 340 322", "#ffffff", 6, op(".2"))
    return s


SHIRT_LONG = ("M330 190 L260 205 L175 250 Q150 265 145 300 L110 560 L175 575 L225 360 L230 630 L570 630 L575 360 "
              "L625 575 L690 560 L655 300 Q650 265 625 250 L540 205 L470 190 Q400 235 330 190 Z")


@shape("shirt", 250)
def shirt(c, a, view, uid):
    a = a or sh(c, .6)
    pid = uid + "p"
    lt = li(c, .45)
    pat = (f'<defs><pattern id="{pid}" width="64" height="64" patternUnits="userSpaceOnUse">'
           f'{R(0, 0, 64, 64, c)}{R(0, 0, 64, 22, a, 0, op(".45"))}{R(0, 0, 22, 64, a, 0, op(".45"))}'
           f'{R(42, 0, 4, 64, lt, 0, op(".7"))}{R(0, 42, 64, 4, lt, 0, op(".7"))}</pattern></defs>')
    s = pat + P(SHIRT_LONG, f"url(#{pid})") + S(SHIRT_LONG, sh(c, .3), 3)
    s += P("M110 560 L175 575 L170 600 L106 586 Z", sh(c, .25)) + P("M690 560 L625 575 L630 600 L694 586 Z", sh(c, .25))
    s += E(400, 196, 74, 14, sh(c, .4))
    s += P("M325 190 L400 206 L392 264 L338 232 Z", sh(c, .1)) + P("M475 190 L400 206 L408 264 L462 232 Z", sh(c, .1))
    s += S("M400 262 V630", sh(c, .4), 3)
    s += "".join(C(410, y, 6, CREAM) for y in range(290, 620, 60))
    s += R(290, 300, 76, 74, f"url(#{pid})", 0, f' stroke="{sh(c, .35)}" stroke-width="3"') + R(290, 300, 76, 18, sh(c, .15))
    s += R(434, 300, 76, 74, f"url(#{pid})", 0, f' stroke="{sh(c, .35)}" stroke-width="3"') + R(434, 300, 76, 18, sh(c, .15))
    return s


@shape("hoodie", 250)
def hoodie(c, a, view, uid):
    s = P("M296 206 Q296 118 400 112 Q504 118 504 206 Q470 256 400 260 Q330 256 296 206 Z", sh(c, .15))
    s += P(SHIRT_LONG, c)
    s += P("M110 560 L175 575 L170 600 L106 586 Z", sh(c, .15)) + P("M690 560 L625 575 L630 600 L694 586 Z", sh(c, .15))
    s += E(400, 214, 72, 40, sh(c, .4)) + S("M330 196 Q400 250 470 196", sh(c, .2), 10)
    s += S("M374 244 L368 342 M426 244 L432 342", "#f0ede6", 6) + R(362, 336, 12, 20, MET, 3) + R(426, 336, 12, 20, MET, 3)
    s += P("M300 470 L500 470 L540 584 L260 584 Z", sh(c, .08)) + S("M300 470 L260 584 M500 470 L540 584", sh(c, .25), 4)
    s += R(230, 598, 340, 32, sh(c, .12))
    s += S("M250 400 Q270 450 260 520", li(c, .15), 5)
    return s


@shape("rain_jacket", 250)
def rain_jacket(c, a, view, uid):
    s = P("M306 206 Q306 114 400 106 Q494 114 494 206 L472 222 Q400 190 328 222 Z", sh(c, .1))
    s += P(SHIRT_LONG, c)
    s += P("M110 560 L175 575 L170 600 L106 586 Z", sh(c, .14)) + P("M690 560 L625 575 L630 600 L694 586 Z", sh(c, .14))
    s += P("M330 196 Q400 236 470 196 L476 226 Q400 250 324 226 Z", sh(c, .2))
    s += R(402, 206, 18, 424, sh(c, .1)) + S("M400 214 V630", sh(c, .45), 6) + R(392, 250, 16, 26, MET2, 4)
    s += R(264, 452, 96, 16, sh(c, .22), 5) + R(440, 452, 96, 16, sh(c, .22), 5)
    s += S("M270 490 L330 560 M530 490 L470 560", sh(c, .22), 4)
    s += C(240, 620, 8, K) + C(560, 620, 8, K)
    s += S("M250 320 Q264 420 250 540", "#ffffff", 8, op(".3"))
    return s


@shape("socks", 210)
def socks(c, a, view, uid):
    a = a or "#e8702a"
    d = "M0 0 L112 0 L112 290 Q112 330 152 350 L246 394 Q288 420 262 456 Q246 476 206 470 L90 446 Q0 426 0 330 Z"
    def sock(tr, col):
        x = P(d, col) + R(0, 0, 112, 64, sh(col, .22))
        x += S("M18 6 V58 M36 6 V58 M54 6 V58 M72 6 V58 M90 6 V58", sh(col, .4), 4)
        x += P("M0 330 Q0 426 90 446 L100 402 Q44 392 44 330 Z", a)
        x += P("M206 372 L246 394 Q288 420 262 456 Q246 476 206 470 Q228 424 206 372 Z", a)
        x += R(0, 82, 112, 14, a)
        return G(x, tr)
    return sock("translate(220 166)", sh(c, .12)) + sock("translate(318 180)", c)


@shape("dress", 220)
def dress(c, a, view, uid):
    d = ("M340 160 L280 180 L206 240 L252 304 L292 272 L302 400 L228 640 L572 640 L498 400 L508 272 "
         "L548 304 L594 240 L520 180 L460 160 Q400 200 340 160 Z")
    s = P(d, c)
    s += S("M330 640 L360 420 M470 640 L440 420 M400 420 V640", sh(c, .1), 4)
    s += P("M338 160 L400 176 L394 226 L350 204 Z", sh(c, .1)) + P("M462 160 L400 176 L406 226 L450 204 Z", sh(c, .1))
    s += "".join(C(400, y, 5, CREAM) for y in range(250, 640, 50))
    s += R(296, 388, 208, 26, sh(c, .18)) + S("M448 410 L480 500 M456 410 L430 494", sh(c, .18), 12)
    s += S("M314 440 L300 500 M486 440 L500 500", sh(c, .25), 4)
    return s


@shape("sweater", 250)
def sweater(c, a, view, uid):
    d = sh(c, .2)
    s = P(SHIRT_LONG, c) + S(SHIRT_LONG, sh(c, .12), 3)
    s += S("M330 192 Q400 238 470 192", sh(c, .16), 16)
    for x in (320, 400, 480):
        for sign in (1, -1):
            path = f"M{x} 262"
            for k in range(6):
                y = 262 + k * 56
                path += f" Q{x + 18 * sign} {y + 14} {x} {y + 28} Q{x - 18 * sign} {y + 42} {x} {y + 56}"
            s += S(path, d, 6)
    s += S("M260 280 V590 M540 280 V590", d, 5, ' stroke-dasharray="2 12"')
    s += R(230, 590, 340, 40, sh(c, .1)) + S("".join(f"M{x} 594 V626 " for x in range(242, 566, 16)), d, 3)
    s += P("M110 560 L175 575 L170 600 L106 586 Z", sh(c, .1)) + P("M690 560 L625 575 L630 600 L694 586 Z", sh(c, .1))
    return s


@shape("tee", 230)
def tee(c, a, view, uid):
    a = a or "#2e3f66"
    pid = uid + "s"
    d = "M330 200 L250 222 L160 296 L218 372 L262 334 L262 630 L538 630 L538 334 L582 372 L640 296 L550 222 L470 200 Q400 226 330 200 Z"
    s = f'<defs><pattern id="{pid}" width="40" height="44" patternUnits="userSpaceOnUse" y="8">{R(0, 0, 40, 44, c)}{R(0, 26, 40, 14, a)}</pattern></defs>'
    s += P(d, f"url(#{pid})") + S(d, sh(c, .2), 3)
    s += S("M330 200 Q400 226 470 200", sh(c, .2), 8)
    return s


@shape("vest", 200)
def vest(c, a, view, uid):
    pid = uid + "q"
    d = "M330 190 L282 204 Q290 290 254 336 L258 630 L542 630 L546 336 Q510 290 518 204 L470 190 Q400 222 330 190 Z"
    s = f'<defs><pattern id="{pid}" width="40" height="48" patternUnits="userSpaceOnUse">{R(0, 44, 40, 4, sh(c, .2))}</pattern></defs>'
    s += P(d, c) + P(d, f"url(#{pid})")
    s += R(326, 160, 148, 46, sh(c, .12), 12)
    s += S("M400 168 V630", sh(c, .45), 5) + R(392, 206, 16, 26, MET2, 4)
    s += S("M294 460 L330 540 M506 460 L470 540", sh(c, .4), 4)
    s += S("M280 300 Q296 260 290 220", li(c, .25), 6)
    return s


@shape("notebook", 170)
def notebook(c, a, view, uid):
    a = a or "#c94f3d"
    s = R(276, 204, 270, 420, sh(c, .3), 10) + R(280, 206, 262, 412, "#f6f1e4", 6)
    s += P("M414 610 L432 610 L436 680 L423 666 L410 680 Z", a)
    s += R(262, 196, 270, 420, c, 10) + R(262, 196, 24, 420, sh(c, .18), 10)
    s += R(488, 196, 14, 420, sh(c, .5))
    s += R(326, 266, 116, 60, "none", 4, f' stroke="{sh(c, .2)}" stroke-width="4"')
    return s


@shape("sketchbook", 210)
def sketchbook(c, a, view, uid):
    s = R(226, 240, 362, 392, sh(c, .35), 6) + R(218, 232, 362, 392, c, 6)
    s += "".join(E(x, 232, 7, 18, "none", f' stroke="{K}" stroke-width="5"') for x in range(240, 570, 22))
    s += R(258, 514, 150, 66, K, 4) + R(276, 534, 90, 8, CREAM, 4) + R(276, 552, 60, 6, CREAM, 3)
    s += S("M240 280 V600", li(c, .2), 5)
    return s


@shape("planner", 270)
def planner(c, a, view, uid):
    paper = "#fbf8f0"
    ln = "#d8d2c4"
    s = P("M140 300 L400 334 L660 300 L668 604 L400 634 L132 604 Z", c)
    s += P("M160 300 Q290 288 400 322 L400 612 Q290 584 154 592 Z", paper)
    s += P("M640 300 Q510 288 400 322 L400 612 Q510 584 646 592 Z", paper)
    s += S("M170 380 Q290 370 390 398 M168 456 Q290 446 390 474 M166 532 Q290 522 390 550", ln, 3)
    s += S("M410 398 Q510 370 632 380 M410 474 Q510 446 634 456 M410 550 Q510 522 636 532 M560 326 V566", ln, 3)
    s += S("M190 350 H260 M190 424 H300 M430 420 H490 M430 500 H470", "#3e6d8e", 5) + S("M190 500 H240 M430 350 H500", "#c4663f", 5)
    s += S("M400 322 V612", sh(paper, .12), 4)
    s += S("M396 324 L380 650 M404 324 L418 654", "#c94f3d", 6)
    return s


@shape("fountain_pen", 260)
def fountain_pen(c, a, view, uid):
    s = R(160, 396, 300, 54, c, 24) + R(176, 405, 270, 8, li(c, .35), 4) + R(430, 396, 14, 54, sh(c, .25))
    s += P("M458 402 L522 408 L522 438 L458 444 Z", sh(c, .55))
    s += P("M518 398 Q600 404 664 423 Q600 442 518 448 Z", "#dfe3e8")
    s += P("M518 398 Q560 401 590 408 L590 438 Q560 445 518 448 Z", "#c9a45c" if c != "#c9a45c" else li(c, .25))
    s += S("M580 423 L660 423", MET2, 3) + C(578, 423, 6, MET2)
    s += R(200, 500, 250, 58, c, 26) + R(228, 488, 170, 14, sh(c, .22), 7) + C(394, 495, 10, sh(c, .22))
    s += R(430, 500, 14, 58, sh(c, .25)) + R(214, 509, 210, 8, li(c, .35), 4)
    return G(s, "rotate(-20 420 470)")


@shape("gel_pens", 190)
def gel_pens(c, a, view, uid):
    cols = ("#2f4f8f", "#3f7a4f", "#b5532d", "#7a4a78", "#2f8f8a", "#4a4f57")
    s = ""
    for i, col in enumerate(cols):
        x = 300 + i * 40
        pen = R(-16, -150, 32, 300, li(col, .72), 6) + R(-8, -140, 6, 280, "#ffffff", 3, op(".5"))
        pen += R(-18, -250, 36, 112, col, 14) + R(10, -236, 7, 84, sh(col, .3), 3)
        s += G(pen, f"translate({x} 430) rotate({(i - 2.5) * 4})")
    kraft = c or "#c9a57a"
    s += R(258, 470, 284, 160, kraft, 10) + R(258, 470, 284, 20, sh(kraft, .15))
    s += R(326, 534, 148, 50, CREAM, 6)
    return s


@shape("pencil", 250)
def pencil(c, a, view, uid):
    s = R(148, 402, 64, 40, MET, 8) + R(204, 398, 320, 48, c, 8) + R(236, 388, 150, 12, MET, 6)
    s += R(520, 398, 110, 48, "#8e969f") + S("".join(f"M{x} 400 V444 " for x in range(530, 630, 10)), "#6b737c", 3)
    s += P("M628 400 L690 416 L690 428 L628 444 Z", MET) + R(688, 418, 40, 8, MET2) + R(726, 419, 14, 6, K)
    return G(s, "rotate(-28 440 420)")


@shape("ink_bottle", 210)
def ink_bottle(c, a, view, uid):
    glass = "#d5e2ea"
    body = "M262 430 Q262 364 334 354 L466 354 Q538 364 538 430 L538 602 Q538 626 514 626 L286 626 Q262 626 262 602 Z"
    s = P(body, glass) + P("M266 420 L534 420 L534 602 Q534 622 514 622 L286 622 Q266 622 266 602 Z", c)
    s += R(346, 334, 108, 26, "#c9d6de") + R(336, 262, 128, 84, K, 10) + S("M356 276 V332 M376 276 V332 M396 276 V332 M416 276 V332 M436 276 V332", "#454b53", 4)
    s += R(300, 456, 200, 112, "#f1ead9", 6) + P("M400 478 Q424 512 414 530 Q400 544 386 530 Q376 512 400 478 Z", c)
    s += R(278, 440, 12, 160, "#ffffff", 6, op(".35"))
    s += P("M600 620 Q640 600 668 618 Q650 634 600 630 Z", c)
    return s


@shape("book", 160)
def book(c, a, view, uid):
    cover_light = li(c, .75)
    s = R(300, 204, 246, 430, sh(c, .3), 6) + R(300, 206, 238, 418, "#f4efe2")
    s += P("M288 196 L268 210 L268 636 L288 626 Z", sh(c, .35))
    s += R(288, 196, 240, 430, c, 4)
    s += R(326, 246, 168, 16, cover_light, 8) + R(350, 272, 120, 10, cover_light, 5) + R(366, 584, 90, 9, cover_light, 4)
    if view == "bowl":
        s += S("M384 380 Q372 356 386 336 M420 380 Q408 356 422 336", CREAM, 5)
        s += P("M330 410 L490 410 Q490 500 410 506 Q330 500 330 410 Z", CREAM) + R(322, 404, 176, 12, li(c, .5), 6)
        s += P("M470 398 Q500 360 520 370 Q500 398 470 398 Z", "#a8c48a")
    elif view == "bird":
        s += S("M320 520 H500", li(c, .4), 4)
        s += S("M380 470 L372 520 M404 470 L410 520", "#3a3530", 4)
        s += E(396, 446, 58, 32, "#e9dcc0") + C(446, 416, 22, "#e9dcc0") + S("M464 418 L506 430", "#3a3530", 4)
        s += C(450, 410, 4, "#3a3530") + P("M350 436 Q390 420 420 448 Q380 460 350 436 Z", "#b89f78")
    elif view == "waves":
        s += C(450, 360, 30, "#f0c36b")
        s += S("M316 430 Q346 400 376 430 T436 430 T496 430 M316 470 Q346 440 376 470 T436 470 T496 470 M316 510 Q346 480 376 510 T436 510 T496 510", "#8fb8d8", 6)
    elif view == "rope":
        rp = "#e8d7b0"
        s += C(408, 430, 66, "none", f' stroke="{rp}" stroke-width="12"') + C(408, 430, 40, "none", f' stroke="{rp}" stroke-width="12"')
        s += S("M448 430 Q470 500 430 530 Q400 548 380 520", rp, 12)
    s += S("M300 212 V616", "#ffffff", 4, op(".2"))
    return s


@shape("sailboat", 220)
def sailboat(c, a, view, uid):
    a = a or CREAM
    s = R(300, 602, 200, 28, WOOD, 6) + R(392, 560, 16, 46, WOODD)
    s += R(392, 170, 14, 340, WOOD)
    s += P("M412 190 L412 480 L566 480 Z", c) + P("M386 222 L386 480 L256 480 Z", li(c, .15) if lum(c) < .8 else sh(c, .06))
    s += P("M406 170 L446 182 L406 194 Z", "#f2c230")
    s += P("M218 500 L582 500 Q562 572 480 576 L300 576 Q238 572 218 500 Z", a)
    s += R(218, 500, 364, 14, sh(a, .2)) + S("M260 540 H540", sh(a, .18) if lum(a) > .6 else li(a, .3), 6)
    return s


@shape("whale", 240)
def whale(c, a, view, uid):
    belly = "#efe6d2"
    s = S("M300 330 Q290 280 260 262 M304 330 Q310 276 340 256", "#9fd0ea", 8)
    s += P("M560 448 Q622 436 652 384 Q684 424 668 452 Q704 474 704 514 Q654 504 600 506 Z", c)
    s += E(382, 476, 222, 140, c)
    s += P("M178 500 Q296 614 480 588 Q566 574 596 502 Q420 566 178 500 Z", belly)
    s += S("M210 520 Q320 560 440 560", sh(belly, .1), 4)
    s += P("M330 548 Q356 608 424 606 Q396 566 384 534 Z", sh(c, .14))
    s += C(252, 444, 12, K) + C(256, 440, 4, "#ffffff") + C(270, 486, 15, "#f2a8a0", op(".7"))
    s += S("M206 500 Q226 516 248 506", K, 4)
    return s


@shape("kite", 90)
def kite(c, a, view, uid):
    cols = (c or "#d9534f", "#f2c230", "#3f7cbf", "#f2c230")
    s = S("M400 320 Q540 470 618 624", "#8a8f96", 2) + R(598, 612, 40, 22, WOOD, 4)
    pts = ((400, 140), (560, 310), (400, 520), (240, 310))
    for i in range(4):
        p1, p2 = pts[i], pts[(i + 1) % 4]
        s += P(f"M400 310 L{p1[0]} {p1[1]} L{p2[0]} {p2[1]} Z", cols[i])
    s += S("M400 140 V520 M240 310 H560", "#6b4f3a", 5)
    s += S("M400 520 Q370 560 406 592 Q440 622 410 650", "#555b63", 3)
    for x, y, col in ((388, 556, "#3f7cbf"), (418, 600, "#d9534f"), (414, 640, "#3f7cbf")):
        s += P(f"M{x - 16} {y - 10} L{x} {y} L{x - 16} {y + 10} Z M{x + 16} {y - 10} L{x} {y} L{x + 16} {y + 10} Z", col)
    return s


def lighthouse_scene(x, y, w, h, sky, sea):
    """Lighthouse at dusk in a box (used on box lids)."""
    s = R(x, y, w, h, sky) + C(x + w * .78, y + h * .28, h * .1, "#f6d8a8")
    s += P(f"M{n(x + w * .5)} {n(y + h * .22)} L{n(x + w * .05)} {n(y + h * .05)} L{n(x + w * .05)} {n(y + h * .4)} Z", GLOW, op(".35"))
    s += R(x, y + h * .7, w, h * .3, sea)
    s += S(f"M{n(x + w * .1)} {n(y + h * .82)} h{n(w * .2)} M{n(x + w * .6)} {n(y + h * .9)} h{n(w * .25)}", li(sea, .3), 4)
    s += P(f"M{n(x + w * .42)} {n(y + h * .74)} L{n(x + w * .58)} {n(y + h * .74)} L{n(x + w * .62)} {n(y + h * .8)} L{n(x + w * .38)} {n(y + h * .8)} Z", "#5b5f66")
    tx0, tx1, tt = x + w * .45, x + w * .55, y + h * .3
    s += P(f"M{n(tx0)} {n(y + h * .74)} L{n(tx0 + w * .02)} {n(tt)} L{n(tx1 - w * .02)} {n(tt)} L{n(tx1)} {n(y + h * .74)} Z", "#f4f1ea")
    s += R(tx0 + w * .006, y + h * .42, w * .088, h * .06, "#d9534f") + R(tx0 + w * .003, y + h * .58, w * .094, h * .06, "#d9534f")
    s += R(x + w * .465, y + h * .2, w * .07, h * .1, GLOW) + P(f"M{n(x + w * .455)} {n(y + h * .2)} L{n(x + w * .5)} {n(y + h * .13)} L{n(x + w * .545)} {n(y + h * .2)} Z", "#3a3f47")
    return s


@shape("game_box", 280)
def game_box(c, a, view, uid):
    s = R(176, 520, 424, 50, sh(c, .35), 6)
    s += R(176, 248, 424, 296, c, 8)
    s += lighthouse_scene(196, 268, 384, 256, c, "#2f5d7c")
    s += R(212, 282, 120, 14, CREAM, 7)
    for x, col in ((612, "#d9534f"), (662, "#f2c230")):
        s += C(x, 566, 15, col) + P(f"M{x - 20} 622 L{x - 12} 578 L{x + 12} 578 L{x + 20} 622 Z", col)
    s += R(190, 584, 50, 50, "#f7f5f1", 8) + C(203, 597, 5, K) + C(227, 621, 5, K) + C(215, 609, 5, K)
    return s


@shape("cards", 230)
def cards(c, a, view, uid):
    s = R(456, 290, 176, 256, sh(c, .2), 10) + R(446, 300, 176, 256, c, 10) + R(446, 290, 176, 30, sh(c, .15), 8)
    s += C(534, 426, 40, li(c, .5)) + S("M510 430 Q522 414 534 430 T558 430", c, 6)
    card = R(-85, -250, 170, 250, "#fbf8f0", 14, ' stroke="#d9d2c2" stroke-width="3"')
    syms = (
        C(0, -125, 34, "#e8735a") + C(0, -125, 14, "#fbf8f0"),
        P("M0 -170 L12 -138 L46 -136 L20 -114 L29 -82 L0 -100 L-29 -82 L-20 -114 L-46 -136 L-12 -138 Z", "#f2a03d"),
        S("M-40 -125 Q-20 -150 0 -125 T40 -125 M-40 -100 Q-20 -125 0 -100 T40 -100", "#2a9d8f", 8),
    )
    for ang, sym in zip((-22, -6, 10), syms):
        s += G(card + sym + C(-62, -228, 7, "#c9c1b0") + C(62, -22, 7, "#c9c1b0"), f"translate(330 630) rotate({ang})")
    return s


@shape("chess", 300)
def chess(c, a, view, uid):
    light, dark = "#ebd3a4", c or "#6b4630"
    pid = uid + "c"
    board = (f'<defs><pattern id="{pid}" width="104" height="104" patternUnits="userSpaceOnUse">'
             f'{R(0, 0, 104, 104, light)}{R(0, 0, 52, 52, dark)}{R(52, 52, 52, 52, dark)}</pattern></defs>')
    m = "matrix(.707 .354 -.707 .354 400 331)"
    s = board + G(R(-20, -20, 456, 456, sh(dark, .35)), "translate(0 22) " + m)
    s += G(R(-20, -20, 456, 456, sh(dark, .2)) + R(0, 0, 416, 416, f"url(#{pid})"), m)

    def pawn(x, y, col, k=1.0):
        return G(E(0, 0, 30, 10, sh(col, .25)) + P("M-24 -4 L-16 -14 L-10 -50 L10 -50 L16 -14 L24 -4 Z", col) + R(-16, -58, 32, 10, col, 5) + C(0, -74, 18, col), f"translate({x} {y}) scale({k})")

    def king(x, y, col):
        return G(E(0, 0, 36, 12, sh(col, .25)) + P("M-30 -4 L-20 -16 L-12 -110 L12 -110 L20 -16 L30 -4 Z", col) + R(-24, -122, 48, 14, col, 6) + P("M-20 -120 Q0 -160 20 -120 Z", col) + R(-4, -180, 8, 36, col) + R(-14, -168, 28, 8, col), f"translate({x} {y})")

    def rook(x, y, col):
        return G(E(0, 0, 34, 11, sh(col, .25)) + P("M-28 -4 L-18 -16 L-16 -70 L16 -70 L18 -16 L28 -4 Z", col) + P("M-24 -70 L24 -70 L24 -100 L14 -100 L14 -88 L5 -88 L5 -100 L-5 -100 L-5 -88 L-14 -88 L-14 -100 L-24 -100 Z", col), f"translate({x} {y})")
    pd, pl = "#3b2a20", "#f4e6c8"
    s += king(330, 430, pd) + rook(470, 420, pl) + pawn(404, 480, pd) + pawn(296, 520, pl) + king(500, 540, pl) + pawn(404, 580, pl)
    return s


def cube_faces(cx, cy, s):
    """Affine matrices mapping the unit square onto the top, left and right faces of a cube."""
    h = .87 * s
    top = f"matrix({n(h)} {n(-s / 2)} {n(h)} {n(s / 2)} {n(cx - h)} {n(cy - s / 2)})"
    left = f"matrix({n(h)} {n(s / 2)} 0 {n(s)} {n(cx - h)} {n(cy - s / 2)})"
    right = f"matrix({n(h)} {n(-s / 2)} 0 {n(s)} {n(cx)} {n(cy)})"
    return top, left, right


@shape("dice", 260)
def dice(c, a, view, uid):
    pips = {1: ((.5, .5),), 2: ((.25, .25), (.75, .75)), 3: ((.25, .25), (.5, .5), (.75, .75)),
            4: ((.25, .25), (.75, .25), (.25, .75), (.75, .75)), 5: ((.25, .25), (.75, .25), (.5, .5), (.25, .75), (.75, .75))}
    s = ""
    for cx, cy, size, col, faces in ((290, 460, 100, c or "#e8735a", (1, 2, 3)), (510, 440, 88, "#2a9d8f", (5, 4, 1)), (420, 560, 72, "#f4f1ea", (3, 1, 2))):
        pc = K if lum(col) > .8 else "#ffffff"
        for m, shade, num in zip(cube_faces(cx, cy, size), (li(col, .2), col, sh(col, .18)), faces):
            face = R(0, 0, 1, 1, shade, .08) + "".join(C(u, v, .09, pc) for u, v in pips[num])
            s += f'<g transform="{m}">{face}</g>'
    return s


def puzzle_piece(col, k, tr):
    d = "M0 0H35C35-20 65-20 65 0H100V35C120 35 120 65 100 65V100H65C65 80 35 80 35 100H0V65C20 65 20 35 0 35Z"
    return G(P(d, col), f"{tr} scale({k})")


@shape("jigsaw", 280)
def jigsaw(c, a, view, uid):
    s = R(176, 520, 424, 50, sh(c, .35), 6) + R(176, 248, 424, 296, c, 8)
    if view == "tidepool":
        s += R(196, 268, 384, 256, "#6cc0d0")
        s += E(270, 470, 80, 40, "#8e9aa3") + E(500, 330, 90, 45, "#7d8a94") + E(520, 480, 60, 30, "#a0aab2")
        s += P("M300 330 L310 356 L338 358 L316 374 L324 400 L300 384 L276 400 L284 374 L262 358 L290 356 Z", "#f2a03d")
        s += E(420, 420, 34, 22, "#d9534f") + S("M390 410 L370 396 M450 410 L470 396", "#d9534f", 6)
        s += S("M230 300 Q250 280 270 300 M420 290 Q440 270 460 290", "#ffffff", 4, op(".6"))
        loose = ("#f2a03d", "#6cc0d0", "#7d8a94")
    else:
        s += lighthouse_scene(196, 268, 384, 256, "#c98aa0", "#3d3a6b")
        s += R(196, 268, 384, 80, "#e9a679", 0, op(".5"))
        loose = ("#c98aa0", "#3d3a6b", "#e9a679")
    s += puzzle_piece(sh(c, .35), .7, "translate(500 430)")
    s += puzzle_piece(loose[0], .8, "translate(210 560) rotate(-12)")
    s += puzzle_piece(loose[1], .8, "translate(600 570) rotate(18)")
    s += puzzle_piece(loose[2], .7, "translate(640 480) rotate(-30)")
    return s


@shape("puzzle_cube", 230)
def puzzle_cube(c, a, view, uid):
    lt, dk = c or "#e2c28f", a or "#7a4e2d"
    s = ""
    top, left, right = cube_faces(400, 430, 190)
    for m, k, horiz in ((top, 0, False), (left, .12, True), (right, .24, False)):
        inner = ""
        for i, col in enumerate((lt, dk, lt)):
            inner += R(0, i / 3, 1, 1 / 3, sh(col, k)) if horiz else R(i / 3, 0, 1 / 3, 1, sh(col, k))
        inner += R(0, 0, 1, 1, "none", 0, ' stroke="#5a3a22" stroke-width=".012"')
        s += f'<g transform="{m}">{inner}</g>'
    s += G(P("M0 0 L40 -20 L200 60 L160 80 Z", li(dk, .2)) + P("M0 0 L160 80 L160 120 L0 40 Z", dk) + P("M160 80 L200 60 L200 100 L160 120 Z", sh(dk, .25)), "translate(470 520)")
    return s


# ---------------------------------------------------------------------------------------------
# Which shape and colors each product image uses (file name without .svg).

ART = {
    "lumenfield-arc-desk-lamp": ("lamp", "#3b4048"),
    "lumenfield-arc-desk-lamp-white": ("lamp", "#e9e7e1", None, "on"),
    "keelson-aluminum-laptop-stand": ("laptop_stand", "#c5cbd3"),
    "keelson-low-profile-wireless-keyboard": ("keyboard", "#8e98a3", "#e07a3f"),
    "driftwood-wireless-headphones": ("headphones", "#4b5563"),
    "driftwood-wireless-headphones-sand": ("headphones", "#cdb48f"),
    "driftwood-buds-true-wireless-earbuds": ("earbuds", "#f6f5f1"),
    "driftwood-tide-portable-speaker": ("speaker", "#2f6f9f"),
    "driftwood-tide-portable-speaker-coral": ("speaker", "#e8735a"),
    "driftwood-duo-bookshelf-speakers": ("bookshelf_speakers", "#8a5a3b"),
    "driftwood-spin-record-player": ("record_player", "#c99a63", "#e07a5f"),
    "voltbay-10k-power-bank": ("power_bank", "#4a5059"),
    "voltbay-braided-usb-c-cable-2-m": ("cable", "#2f5f8f"),
    "voltbay-65w-gan-wall-charger": ("wall_charger", "#f2f1ed"),
    "voltbay-stone-wireless-charging-pad": ("charging_pad", "#d2bd9c"),
    "voltbay-fold-21w-solar-charger": ("solar_panel", "#6b7a4b"),
    "castmere-26-cm-cast-iron-skillet": ("skillet", "#3a3e45"),
    "castmere-enameled-dutch-oven-5-5-l": ("dutch_oven", "#76ad9c"),
    "castmere-enameled-dutch-oven-5-5-l-tomato": ("dutch_oven", "#c8443a"),
    "castmere-enameled-dutch-oven-5-5-l-cream": ("dutch_oven", "#e6dcc5"),
    "ironbark-20-cm-chefs-knife": ("knife", "#5b3a26"),
    "ironbark-end-grain-cutting-board": ("cutting_board", "#6f4529", "#dcb682"),
    "castmere-tri-ply-saucepan-2-l": ("saucepan", "#b4bcc6"),
    "fieldhouse-stoneware-mug-350-ml": ("mug", "#2f6f8f"),
    "fieldhouse-stoneware-mug-350-ml-moss": ("mug", "#6f8a4f"),
    "fieldhouse-stoneware-mug-350-ml-speckled": ("mug", "#ece6da", None, "speckled"),
    "pier-and-pour-gooseneck-kettle": ("kettle", "#2f3338", "#b98a5c"),
    "pier-and-pour-french-press-1-l": ("french_press", "#a9b2bc"),
    "pier-and-pour-morning-tide-coffee-beans-500-g": ("coffee_bag", "#c9a57a", "#2f5d7c"),
    "pier-and-pour-sea-fog-earl-grey-tea-tin": ("tea_tin", "#5b7f95", "#ece2cf"),
    "pier-and-pour-harbor-espresso-machine": ("espresso", "#c3c9d1"),
    "ember-and-wick-sea-salt-candle": ("candle", "#b5692c", None, "lit"),
    "ember-and-wick-sea-salt-candle-lid": ("candle", "#b5692c", None, "lid"),
    "fieldhouse-ribbed-ceramic-vase": ("vase", "#eeeae2"),
    "fieldhouse-ribbed-ceramic-vase-terracotta": ("vase", "#c4663f"),
    "saltmarsh-linen-cushion-cover-45-45-cm": ("cushion", "#c99a3f"),
    "harbor-supply-porthole-wall-clock": ("clock", "#c9a45c"),
    "fieldhouse-terracotta-planter-with-saucer": ("planter", "#c4663f"),
    "northtrail-ridgeline-2-person-tent": ("tent", "#6f8f4e"),
    "northtrail-ridgeline-2-person-tent-orange": ("tent", "#e07b39"),
    "northtrail-ember-three-season-sleeping-bag": ("sleeping_bag", "#2f6f73", "#e8a54b"),
    "northtrail-glow-rechargeable-lantern": ("lantern", "#3f6b4a"),
    "ridgeback-compact-camp-stove": ("camp_stove", "#2f6db5"),
    "ridgeback-low-folding-camp-chair": ("camp_chair", "#cdb48a"),
    "ridgeback-drift-parachute-hammock": ("hammock", "#2a9d8f"),
    "northtrail-summit-28-l-daypack": ("backpack", "#b5532d"),
    "northtrail-summit-28-l-daypack-navy": ("backpack", "#2f4466"),
    "northtrail-insulated-bottle-750-ml": ("bottle", "#7fb6d2"),
    "northtrail-insulated-bottle-750-ml-forest": ("bottle", "#3f6b4a"),
    "ridgeback-carbon-trekking-poles-pair": ("trekking_poles", "#e07a3f"),
    "ridgeback-beacon-400-headlamp": ("headlamp", "#e8702a"),
    "ridgeback-baseplate-compass": ("compass", "#d9534f"),
    "tidewell-merino-rib-beanie": ("beanie", "#d9a63a"),
    "tidewell-merino-rib-beanie-navy": ("beanie", "#2f4466"),
    "tidewell-merino-rib-beanie-grey": ("beanie", "#a3a6ab"),
    "saltmarsh-waxed-canvas-tote": ("tote", "#6b6f3f", "#8a5a36"),
    "saltmarsh-six-panel-cotton-cap": ("cap", "#4a6283"),
    "saltmarsh-brushed-flannel-shirt": ("shirt", "#b23a3a", "#3a2626"),
    "saltmarsh-brushed-flannel-shirt-green": ("shirt", "#3f6b4a", "#1f2a33"),
    "saltmarsh-heavyweight-hoodie": ("hoodie", "#9ea3a8"),
    "tidewell-harbor-rain-jacket": ("rain_jacket", "#f2c230"),
    "tidewell-merino-hiking-socks-2-pack": ("socks", "#454b53", "#e8702a"),
    "saltmarsh-linen-shirt-dress": ("dress", "#9cae8c"),
    "saltmarsh-linen-shirt-dress-clay": ("dress", "#c07a5a"),
    "tidewell-fisherman-knit-sweater": ("sweater", "#eee3cb"),
    "saltmarsh-breton-stripe-tee": ("tee", "#f6f1e6", "#2e3f66"),
    "tidewell-quilted-vest": ("vest", "#c98b8f"),
    "inkwell-and-oak-a5-dot-grid-notebook": ("notebook", "#2b3f63", "#c94f3d"),
    "inkwell-and-oak-a5-dot-grid-notebook-terracotta": ("notebook", "#c4663f", "#2b3f63"),
    "inkwell-and-oak-a5-dot-grid-notebook-sage": ("notebook", "#8fa584", "#c94f3d"),
    "paperboat-spiral-sketchbook-a4": ("sketchbook", "#c9a57a"),
    "inkwell-and-oak-undated-weekly-planner": ("planner", "#3f6b4f"),
    "inkwell-and-oak-brass-fountain-pen": ("fountain_pen", "#c9a45c"),
    "paperboat-gel-pen-set-6-colors": ("gel_pens", "#c9a57a"),
    "inkwell-and-oak-mechanical-pencil-0-5-mm": ("pencil", "#34383e"),
    "inkwell-and-oak-deep-sea-ink-50-ml": ("ink_bottle", "#1f3557"),
    "the-slow-kitchen-seasonal-recipes": ("book", "#5d7b5a", None, "bowl"),
    "shorebirds-of-the-north-atlantic-a-field-guide": ("book", "#3e6d8e", None, "bird"),
    "tidewater-a-novel": ("book", "#22395c", None, "waves"),
    "knots-and-lines-a-sailors-handbook": ("book", "#a8453a", None, "rope"),
    "little-mariner-wooden-sailboat": ("sailboat", "#d9534f", "#f4f1ea"),
    "little-mariner-wooden-sailboat-blue": ("sailboat", "#f4f1ea", "#2f6f9f"),
    "little-mariner-plush-whale": ("whale", "#4f7fae"),
    "little-mariner-diamond-kite": ("kite", "#d9534f"),
    "harbor-lights-board-game": ("game_box", "#24395c"),
    "tidepool-card-game": ("cards", "#2a9d8f"),
    "walnut-and-maple-chess-set": ("chess", "#6b4630"),
    "roll-and-tide-dice-game": ("dice", "#e8735a"),
    "fogbank-lighthouse-jigsaw-1000-pieces": ("jigsaw", "#3d3a6b", None, "lighthouse"),
    "fogbank-tide-pool-jigsaw-500-pieces": ("jigsaw", "#2f8fa8", None, "tidepool"),
    "fogbank-wooden-brain-teaser-cube": ("puzzle_cube", "#e2c28f", "#7a4e2d"),
}

# Background tints per top-level category.
BG = {
    "electronics": "#e4ebf3",
    "home-kitchen": "#f3eadf",
    "outdoor": "#e3ece1",
    "apparel": "#efe4e3",
    "stationery-books": "#ece8de",
    "toys-games": "#e1edf2",
}
BG_DEFAULT = "#eceef1"

# ---------------------------------------------------------------------------------------------
# Compositions

def svg(w, h, body):
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">{body}</svg>\n'


def item(spec, uid):
    """Shape markup plus its floor shadow, in the 800x800 item box."""
    shape_name, color, accent, view = (tuple(spec) + (None, None))[:4]
    half = SHADOW[shape_name]
    s = E(400, 640, half, 18, "#1d2733", op(".1")) if half else ""
    return s + SHAPES[shape_name](color, accent, view, uid)


def product_svg(spec, bg):
    body = R(0, 0, 800, 800, bg) + C(400, 390, 300, li(bg, .45)) + R(0, 640, 800, 160, sh(bg, .03))
    body += item(spec, "a")
    return svg(800, 800, body)


def placed(spec, x, y, k, uid):
    return G(item(spec, uid), f"translate({n(x)} {n(y)}) scale({k})")


# Category pictures: up to three items on a soft backdrop (800x500).
CATEGORY_ART = {
    "electronics": ("electronics", [(("speaker", "#2f6f9f"), 40, 80, .5), (("headphones", "#4b5563"), 250, 20, .6), (("power_bank", "#e07a3f"), 500, 90, .5)]),
    "audio": ("electronics", [(("record_player", "#c99a63", "#e07a5f"), 60, 40, .6), (("headphones", "#cdb48f"), 380, 30, .58)]),
    "power-charging": ("electronics", [(("power_bank", "#4a5059"), 40, 80, .5), (("charging_pad", "#d2bd9c"), 220, 70, .55), (("wall_charger", "#f2f1ed"), 470, 80, .5)]),
    "home-kitchen": ("home-kitchen", [(("planter", "#c4663f"), 30, 40, .55), (("dutch_oven", "#76ad9c"), 240, 60, .55), (("mug", "#2f6f8f"), 500, 80, .5)]),
    "cookware": ("home-kitchen", [(("dutch_oven", "#c8443a"), 0, 0, 0), (("skillet", "#3a3e45"), 0, 0, 0)]),
    "coffee-tea": ("home-kitchen", [(("kettle", "#2f3338", "#b98a5c"), 20, 60, .55), (("coffee_bag", "#c9a57a", "#2f5d7c"), 260, 70, .52), (("mug", "#6f8a4f"), 490, 90, .5)]),
    "home-decor": ("home-kitchen", [(("vase", "#eeeae2"), 40, 60, .55), (("cushion", "#c99a3f"), 250, 80, .52), (("candle", "#b5692c", None, "lit"), 500, 90, .5)]),
    "outdoor": ("outdoor", [(("tent", "#6f8f4e"), 10, 30, .6), (("backpack", "#b5532d"), 360, 60, .55), (("lantern", "#3f6b4a"), 560, 90, .5)]),
    "camping": ("outdoor", [(("tent", "#e07b39"), 20, 30, .6), (("camp_chair", "#cdb48a"), 400, 60, .55)]),
    "hiking": ("outdoor", [(("backpack", "#2f4466"), 40, 60, .55), (("bottle", "#7fb6d2"), 280, 80, .52), (("trekking_poles", "#e07a3f"), 480, 60, .55)]),
    "apparel": ("apparel", [(("shirt", "#b23a3a", "#3a2626"), 30, 50, .55), (("beanie", "#d9a63a"), 290, 90, .5), (("tote", "#6b6f3f", "#8a5a36"), 500, 70, .52)]),
    "mens-clothing": ("apparel", [(("hoodie", "#9ea3a8"), 40, 40, .57), (("rain_jacket", "#f2c230"), 380, 40, .57)]),
    "womens-clothing": ("apparel", [(("dress", "#9cae8c"), 40, 40, .57), (("sweater", "#eee3cb"), 380, 40, .57)]),
    "stationery-books": ("stationery-books", [(("book", "#3e6d8e", None, "bird"), 40, 60, .55), (("notebook", "#c4663f", "#2b3f63"), 260, 70, .52), (("fountain_pen", "#c9a45c"), 460, 60, .55)]),
    "notebooks-paper": ("stationery-books", [(("sketchbook", "#c9a57a"), 20, 70, .52), (("notebook", "#2b3f63", "#c94f3d"), 240, 70, .52), (("planner", "#3f6b4f"), 450, 90, .48)]),
    "pens-writing": ("stationery-books", [(("gel_pens", "#c9a57a"), 40, 60, .55), (("ink_bottle", "#1f3557"), 270, 80, .5), (("fountain_pen", "#c9a45c"), 460, 60, .55)]),
    "books": ("stationery-books", [(("book", "#5d7b5a", None, "bowl"), 60, 60, .55), (("book", "#22395c", None, "waves"), 260, 60, .55), (("book", "#a8453a", None, "rope"), 460, 60, .55)]),
    "toys-games": ("toys-games", [(("sailboat", "#d9534f", "#f4f1ea"), 30, 50, .55), (("whale", "#4f7fae"), 270, 90, .5), (("kite", "#d9534f"), 520, 40, .55)]),
    "board-games": ("toys-games", [(("game_box", "#24395c"), 20, 60, .55), (("dice", "#e8735a"), 420, 80, .52)]),
    "puzzles": ("toys-games", [(("jigsaw", "#3d3a6b", None, "lighthouse"), 20, 60, .55), (("puzzle_cube", "#e2c28f", "#7a4e2d"), 420, 80, .52)]),
}


def category_svg(slug):
    group, items = CATEGORY_ART[slug]
    bg = BG.get(group, BG_DEFAULT)
    body = R(0, 0, 800, 500, bg) + C(640, 90, 190, li(bg, .4)) + C(110, 420, 150, li(bg, .3)) + R(0, 430, 800, 70, sh(bg, .04))
    k = .56 if len(items) == 3 else .64
    centers = (180, 400, 620) if len(items) == 3 else (230, 570)
    for i, (spec, cx) in enumerate(zip([it[0] for it in items], centers)):
        body += placed(spec, cx - 400 * k, 430 - 636 * k, k, f"i{i}")
    return svg(800, 500, body)


def hero_svg():
    bg = "#e9f0f2"
    wall = R(0, 0, 1600, 600, bg) + C(1300, 170, 260, li(bg, .45)) + R(0, 520, 1600, 80, "#dde7ea")
    shelf_y, table_y = 270, 520
    body = wall
    body += R(880, shelf_y, 620, 16, WOOD, 4) + R(880, shelf_y + 16, 620, 6, WOODD)
    body += R(930, shelf_y + 22, 14, 40, WOODD) + R(1436, shelf_y + 22, 14, 40, WOODD)
    k = .3
    on_shelf = [(("book", "#3e6d8e", None, "bird"), 860), (("book", "#a8453a", None, "rope"), 905), (("vase", "#eeeae2"), 1000),
                (("mug", "#2f6f8f"), 1150), (("candle", "#b5692c", None, "lit"), 1290)]
    for i, (spec, x) in enumerate(on_shelf):
        body += placed(spec, x, shelf_y - 632 * k, k, f"s{i}")
    body += R(760, table_y, 820, 18, WOOD, 6) + R(800, table_y + 18, 16, 62, WOODD) + R(1524, table_y + 18, 16, 62, WOODD)
    k2 = .36
    on_table = [(("planter", "#c4663f"), 740), (("headphones", "#4b5563"), 930), (("dutch_oven", "#76ad9c"), 1110), (("lantern", "#3f6b4a"), 1300)]
    for i, (spec, x) in enumerate(on_table):
        body += placed(spec, x, table_y - 636 * k2, k2, f"t{i}")
    return svg(1600, 600, body)


def logo_svg():
    body = R(0, 0, 64, 64, "#1f4e6b", 14)
    w = "#ffffff"
    body += C(32, 15, 5, "none", f' stroke="{w}" stroke-width="3.5"')
    body += S("M32 20 V51 M22 28 H42 M15 38 Q17 51 32 51 Q47 51 49 38", w, 3.5)
    body += P("M11 40 L15 34 L20 40 Z M53 40 L49 34 L44 40 Z", w)
    body += S("M8 57 Q14 53 20 57 T32 57 T44 57 T56 57", "#7fc4d8", 2.5)
    return svg(64, 64, body)


def placeholder_svg():
    g = "#c3c8cf"
    body = R(0, 0, 800, 800, "#eceef1") + R(230, 250, 340, 300, "none", 28, f' stroke="{g}" stroke-width="18"')
    body += C(470, 340, 34, g) + P("M262 520 L370 390 L440 470 L490 420 L540 520 Z", g)
    return svg(800, 800, body)


# ---------------------------------------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    with open(CATALOG, encoding="utf-8") as f:
        catalog = json.load(f)

    top_of = {}
    def walk(cat, top):
        top_of[cat["slug"]] = top
        for child in cat.get("children") or []:
            walk(child, top)
    for root in catalog["categories"]:
        walk(root, root["slug"])

    sheet = []
    missing = []
    for product in catalog["products"]:
        bg = BG.get(top_of.get(product["category"]), BG_DEFAULT)
        for image in product.get("images") or []:
            name = os.path.basename(image["url"])[:-4]
            if name not in ART:
                missing.append(name)
                continue
            text = product_svg(ART[name], bg)
            write(os.path.join(WWW, "images", "products", name + ".svg"), text)
            sheet.append(text)

    for slug in top_of:
        if slug not in CATEGORY_ART:
            missing.append("category:" + slug)
            continue
        text = category_svg(slug)
        write(os.path.join(WWW, "images", "categories", slug + ".svg"), text)
        sheet.append(text)

    write(os.path.join(WWW, "images", "hero.svg"), hero_svg())
    write(os.path.join(WWW, "images", "logo.svg"), logo_svg())
    write(os.path.join(WWW, "images", "placeholder.svg"), placeholder_svg())

    if "--sheet" in sys.argv:
        # Contact sheet for eyeballing all pictures at once (not part of the site).
        cols, cell, per = 6, 260, 24
        base = sys.argv[sys.argv.index("--sheet") + 1]
        for page in range(0, len(sheet), per):
            parts = []
            for j, text in enumerate(sheet[page:page + per]):
                inner = re.sub(r'(id="|url\(#)', lambda m: m.group(1) + f"n{j}", text)
                vb = re.search(r'viewBox="([^"]+)"', inner).group(1)
                inner = inner[inner.index(">") + 1:inner.rindex("</svg>")]
                x, y = (j % cols) * cell, (j // cols) * cell
                parts.append(f'<svg x="{x}" y="{y}" width="{cell - 6}" height="{cell - 6}" viewBox="{vb}">{inner}</svg>')
            write(base.replace(".svg", f"-{page // per + 1}.svg"), svg(cols * cell, 4 * cell, "".join(parts)))

    if missing:
        print("No art defined for: " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)
    print(f"Wrote {len(sheet)} product/category pictures plus hero, logo and placeholder.")


if __name__ == "__main__":
    main()
