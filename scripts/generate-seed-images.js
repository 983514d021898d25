#!/usr/bin/env node
/**
 * Draws the demo pictures shipped in src/seed/assets: flat illustrations written as SVG and
 * rasterised to palette PNGs with sharp (already installed with Strapi). No text is drawn, so
 * the output does not depend on the fonts of the machine.
 *
 *   node scripts/generate-seed-images.js          # (re)writes every asset
 *
 * File names are the ones referenced by src/seed/*.ts; seedDemo fails loudly if one is missing.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const sharp = require('sharp');

const OUT = path.resolve(__dirname, '..', 'src', 'seed', 'assets');

// ——— palettes per category ———
const PALETTES = {
  'home-cleaning': { main: '#22a699', accent: '#f2b134', light: '#e3f6f2', deep: '#bfe8e0', dark: '#13675f' },
  'maternity-nanny': { main: '#ec6f92', accent: '#f6c453', light: '#fdeef3', deep: '#f9d3df', dark: '#9c3556' },
  childcare: { main: '#f19a38', accent: '#4fb3e8', light: '#fff3e1', deep: '#ffdcae', dark: '#a35a10' },
  'appliance-repair': { main: '#3b7ddd', accent: '#f5a524', light: '#e8f0fd', deep: '#c8dbf8', dark: '#1f4f94' },
  plumbing: { main: '#1596c9', accent: '#ef6b4a', light: '#e1f4fb', deep: '#b9e3f3', dark: '#0d5f80' },
  'home-nursing': { main: '#3fae7a', accent: '#ec6a6a', light: '#e8f6ee', deep: '#c5ead6', dark: '#1f6e49' },
  gifts: { main: '#e8834d', accent: '#f3c14b', light: '#fff1e6', deep: '#ffd9bf', dark: '#9a4a1e' },
};

const WOOD = '#b98150';
const STEEL = '#c7d0da';
const STEEL_DARK = '#98a5b3';
const WHITE = '#ffffff';
const OUTLINE = '#d3dbe4';

// ——— deterministic randomness, so a re-run writes identical files ———
function rng(seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

// ——— primitive shapes ———
const HEART = 'M50 88C20 65 4 48 4 30C4 15 16 4 30 4C40 4 47 10 50 18C53 10 60 4 70 4C84 4 96 15 96 30C96 48 80 65 50 88Z';
const DROP = 'M50 4C50 4 14 50 14 68A36 36 0 0 0 86 68C86 50 50 4 50 4Z';

const place = (x, y, scale, body) => `<g transform="translate(${x} ${y}) scale(${scale})">${body}</g>`;
const heart = (x, y, size, fill) => place(x - size / 2, y - size / 2, size / 100, `<path d="${HEART}" fill="${fill}"/>`);
const drop = (x, y, size, fill) => place(x - size / 2, y - size / 2, size / 100, `<path d="${DROP}" fill="${fill}"/>`);

function sparkle(x, y, s, fill) {
  return `<path d="M${x} ${y - s}Q${x} ${y} ${x + s} ${y}Q${x} ${y} ${x} ${y + s}Q${x} ${y} ${x - s} ${y}Q${x} ${y} ${x} ${y - s}Z" fill="${fill}"/>`;
}

function star(cx, cy, outer, inner, fill) {
  const points = [];
  for (let i = 0; i < 10; i += 1) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

function moon(cx, cy, r, fill) {
  return `<path d="M${cx} ${cy - r}A${r} ${r} 0 1 0 ${cx} ${cy + r}A${r * 0.78} ${r * 0.78} 0 1 1 ${cx} ${cy - r}Z" fill="${fill}"/>`;
}

function bubbles(list, stroke) {
  return list
    .map(
      ([x, y, r]) =>
        `<circle cx="${x}" cy="${y}" r="${r}" fill="${WHITE}" fill-opacity=".75" stroke="${stroke}" stroke-width="2.5"/>`,
    )
    .join('');
}

function wrench(x, y, scale, angle, fill) {
  return `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${scale})">
    <rect x="-7" y="0" width="14" height="78" rx="7" fill="${fill}"/>
    <path d="M-20 -6A22 22 0 1 0 20 -6L10 -6L10 8L-10 8L-10 -6Z" transform="translate(0 -8)" fill="${fill}"/>
    <circle cx="0" cy="68" r="3.5" fill="${WHITE}"/>
  </g>`;
}

// ——— motifs, each drawn in a 200×200 box ———
const MOTIFS = {
  sprayBottle: (p) => `
    <path d="M74 46h46l16 14v12H74z" fill="${p.dark}"/>
    <rect x="134" y="52" width="26" height="10" rx="4" fill="${p.dark}"/>
    <path d="M88 72q-16 12-8 30" stroke="${p.dark}" stroke-width="7" fill="none" stroke-linecap="round"/>
    <rect x="84" y="70" width="34" height="22" rx="4" fill="${p.dark}"/>
    <rect x="68" y="88" width="66" height="100" rx="18" fill="${p.main}"/>
    <rect x="80" y="112" width="42" height="50" rx="8" fill="${WHITE}" fill-opacity=".85"/>
    ${drop(101, 136, 22, p.main)}
    <circle cx="172" cy="50" r="4" fill="${p.main}" fill-opacity=".55"/>
    <circle cx="182" cy="62" r="3" fill="${p.main}" fill-opacity=".45"/>
    <circle cx="180" cy="40" r="3" fill="${p.main}" fill-opacity=".45"/>`,

  cloth: (p) => `
    <path d="M14 150q20-14 44-4t40 2q8 18-8 32q-26 10-52 0q-22-10-24-30z" fill="${p.accent}"/>
    <path d="M30 160q20-8 44 0" stroke="${WHITE}" stroke-opacity=".6" stroke-width="4" fill="none" stroke-linecap="round"/>`,

  bucketMop: (p) => `
    <g transform="rotate(14 140 100)">
      <rect x="136" y="6" width="9" height="150" rx="4" fill="${WOOD}"/>
      <path d="M118 150h45l10 34h-65z" fill="${p.accent}"/>
      <path d="M116 184v12M126 184v14M136 184v12M146 184v14M156 184v12M166 184v13" stroke="${p.accent}" stroke-width="5" stroke-linecap="round"/>
    </g>
    <path d="M52 98q38-50 76 0" stroke="${STEEL_DARK}" stroke-width="5" fill="none"/>
    ${bubbles(
      [
        [70, 84, 10],
        [92, 72, 13],
        [114, 86, 8],
        [82, 60, 6],
      ],
      p.main,
    )}
    <path d="M38 104h104l-12 84H50z" fill="${p.main}"/>
    <rect x="32" y="96" width="116" height="16" rx="8" fill="${p.dark}"/>
    <rect x="60" y="130" width="60" height="8" rx="4" fill="${WHITE}" fill-opacity=".5"/>`,

  house: (p) => `
    <rect x="132" y="40" width="16" height="36" fill="${p.dark}"/>
    <polygon points="100,22 178,90 22,90" fill="${p.main}"/>
    <rect x="40" y="86" width="120" height="96" rx="4" fill="${WHITE}" stroke="${p.deep}" stroke-width="4"/>
    <rect x="86" y="122" width="30" height="60" rx="5" fill="${p.accent}"/>
    <circle cx="109" cy="154" r="3" fill="${p.dark}"/>
    <rect x="54" y="104" width="24" height="24" rx="3" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>
    <rect x="124" y="104" width="24" height="24" rx="3" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>
    ${sparkle(30, 40, 12, p.accent)}${sparkle(176, 130, 9, p.accent)}${sparkle(52, 60, 6, p.main)}`,

  paintRoller: (p) => `
    <rect x="20" y="20" width="70" height="30" rx="10" fill="${p.accent}"/>
    <path d="M90 35h10v24H55v22" stroke="${STEEL_DARK}" stroke-width="6" fill="none" stroke-linejoin="round"/>
    <rect x="49" y="80" width="12" height="50" rx="6" fill="${p.dark}"/>`,

  window: (p) => `
    <rect x="34" y="24" width="132" height="150" rx="8" fill="#dff1fb" stroke="${p.dark}" stroke-width="8"/>
    <line x1="100" y1="24" x2="100" y2="174" stroke="${p.dark}" stroke-width="6"/>
    <line x1="34" y1="98" x2="166" y2="98" stroke="${p.dark}" stroke-width="6"/>
    <path d="M48 70l24-28M48 88l38-44M116 150l30-34" stroke="${WHITE}" stroke-width="6" stroke-linecap="round"/>
    <rect x="24" y="172" width="152" height="12" rx="5" fill="${p.deep}"/>
    <g transform="rotate(-30 150 130)">
      <rect x="120" y="118" width="70" height="12" rx="5" fill="${p.main}"/>
      <rect x="150" y="128" width="10" height="52" rx="5" fill="${p.accent}"/>
    </g>
    ${sparkle(60, 130, 10, WHITE)}`,

  babyBottle: (p) => `
    <path d="M86 40q14-30 28 0v10H86z" fill="#f5c28c"/>
    <rect x="74" y="48" width="52" height="18" rx="5" fill="${p.main}"/>
    <rect x="70" y="64" width="60" height="120" rx="22" fill="${WHITE}" stroke="${p.main}" stroke-width="5"/>
    <path d="M75 120h50v42q0 16-16 16H91q-16 0-16-16z" fill="#fff4dc"/>
    <path d="M112 86h12M112 102h8M112 118h12M112 134h8" stroke="${p.main}" stroke-width="3" stroke-linecap="round"/>`,

  crown: (p) => `
    <path d="M40 80l20 20 20-34 20 34 20-20-8 46H48z" fill="${p.accent}"/>
    <circle cx="40" cy="78" r="6" fill="${p.accent}"/><circle cx="80" cy="62" r="6" fill="${p.accent}"/><circle cx="120" cy="78" r="6" fill="${p.accent}"/>
    <rect x="48" y="126" width="64" height="10" rx="4" fill="${p.dark}"/>`,

  pot: (p) => `
    <path d="M74 60q-10-16 0-30t0-28" stroke="${p.main}" stroke-opacity=".35" stroke-width="6" fill="none" stroke-linecap="round"/>
    <path d="M104 56q-10-16 0-30t0-28" stroke="${p.main}" stroke-opacity=".35" stroke-width="6" fill="none" stroke-linecap="round"/>
    <path d="M134 60q-10-16 0-30t0-28" stroke="${p.main}" stroke-opacity=".35" stroke-width="6" fill="none" stroke-linecap="round"/>
    <rect x="14" y="106" width="30" height="12" rx="6" fill="${p.dark}"/>
    <rect x="156" y="106" width="30" height="12" rx="6" fill="${p.dark}"/>
    <path d="M34 96h132v52q0 32-32 32H66q-32 0-32-32z" fill="${p.main}"/>
    <path d="M28 96q72-52 144 0z" fill="${p.dark}"/>
    <circle cx="100" cy="66" r="9" fill="${p.accent}"/>
    <rect x="56" y="122" width="88" height="8" rx="4" fill="${WHITE}" fill-opacity=".35"/>`,

  blocks: (p) => `
    <g transform="rotate(-6 66 150)"><rect x="30" y="112" width="70" height="70" rx="10" fill="${p.main}"/><circle cx="65" cy="147" r="18" fill="${WHITE}"/></g>
    <rect x="104" y="112" width="70" height="70" rx="10" fill="${p.accent}"/>
    <polygon points="139,128 158,164 120,164" fill="${WHITE}"/>
    <g transform="rotate(8 104 72)"><rect x="68" y="38" width="70" height="70" rx="10" fill="#f6c453"/>${star(103, 73, 22, 10, WHITE)}</g>`,

  sun: (p) => `
    <circle cx="100" cy="100" r="34" fill="${p.accent}"/>
    ${Array.from({ length: 8 }, (_, i) => {
      const a = (Math.PI / 4) * i;
      const x1 = 100 + 46 * Math.cos(a);
      const y1 = 100 + 46 * Math.sin(a);
      const x2 = 100 + 62 * Math.cos(a);
      const y2 = 100 + 62 * Math.sin(a);
      return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${p.accent}" stroke-width="8" stroke-linecap="round"/>`;
    }).join('')}`,

  crib: (p) => `
    <rect x="22" y="56" width="14" height="130" rx="6" fill="${p.dark}"/>
    <rect x="164" y="56" width="14" height="130" rx="6" fill="${p.dark}"/>
    <rect x="22" y="70" width="156" height="12" rx="6" fill="${p.main}"/>
    <rect x="22" y="150" width="156" height="14" rx="6" fill="${p.main}"/>
    ${[46, 66, 86, 106, 126, 146].map((x) => `<rect x="${x}" y="82" width="8" height="68" rx="4" fill="${p.main}" fill-opacity=".7"/>`).join('')}
    <path d="M40 150q30-26 60-10q30-18 60 10z" fill="${WHITE}"/>`,

  rattle: (p) => `
    <g transform="rotate(-20 90 110)">
      <rect x="82" y="84" width="16" height="84" rx="8" fill="${p.accent}"/>
      <circle cx="90" cy="172" r="14" fill="${p.main}"/>
      <circle cx="90" cy="56" r="40" fill="${p.main}"/>
      <circle cx="90" cy="56" r="26" fill="none" stroke="${WHITE}" stroke-width="6"/>
      <circle cx="90" cy="56" r="8" fill="${WHITE}"/>
    </g>`,

  clock: (p) => `
    <circle cx="100" cy="100" r="60" fill="${WHITE}" stroke="${p.dark}" stroke-width="9"/>
    <line x1="100" y1="100" x2="100" y2="62" stroke="${p.dark}" stroke-width="8" stroke-linecap="round"/>
    <line x1="100" y1="100" x2="128" y2="112" stroke="${p.main}" stroke-width="8" stroke-linecap="round"/>
    <circle cx="100" cy="100" r="7" fill="${p.dark}"/>`,

  airConditioner: (p) => `
    <rect x="14" y="44" width="172" height="66" rx="16" fill="${WHITE}" stroke="${OUTLINE}" stroke-width="4"/>
    <rect x="30" y="88" width="140" height="10" rx="5" fill="#dde5ee"/>
    <circle cx="164" cy="62" r="5" fill="${p.main}"/>
    <path d="M48 128q10 12 0 24t0 24M100 128q10 12 0 24t0 24M152 128q10 12 0 24t0 24" stroke="${p.main}" stroke-opacity=".55" stroke-width="6" fill="none" stroke-linecap="round"/>`,

  snowflake: (p) => `
    <g stroke="${p.main}" stroke-width="8" stroke-linecap="round">
      <line x1="100" y1="50" x2="100" y2="150"/><line x1="57" y1="75" x2="143" y2="125"/><line x1="57" y1="125" x2="143" y2="75"/>
    </g>`,

  washingMachine: (p) => `
    <rect x="34" y="20" width="132" height="166" rx="14" fill="${WHITE}" stroke="${OUTLINE}" stroke-width="4"/>
    <rect x="34" y="20" width="132" height="34" rx="14" fill="${p.deep}"/>
    <circle cx="58" cy="37" r="7" fill="${p.main}"/><circle cx="80" cy="37" r="5" fill="${p.dark}"/>
    <rect x="112" y="31" width="40" height="12" rx="4" fill="${WHITE}"/>
    <circle cx="100" cy="118" r="50" fill="#e4ecf6" stroke="${STEEL_DARK}" stroke-width="9"/>
    <clipPath id="drum"><circle cx="100" cy="118" r="40"/></clipPath>
    <g clip-path="url(#drum)"><rect x="50" y="118" width="100" height="60" fill="${p.main}" fill-opacity=".65"/>
      <path d="M58 118q10-8 21 0t21 0t21 0t21 0" stroke="${WHITE}" stroke-width="4" fill="none"/></g>
    <path d="M74 96q10-12 24-14" stroke="${WHITE}" stroke-width="6" stroke-linecap="round" fill="none"/>`,

  rangeHood: (p) => `
    <rect x="78" y="4" width="44" height="60" fill="${STEEL}"/>
    <path d="M24 118L66 60H134L176 118Z" fill="${STEEL}"/>
    <rect x="20" y="116" width="160" height="18" rx="6" fill="${STEEL_DARK}"/>
    <rect x="46" y="122" width="22" height="6" rx="3" fill="${p.accent}"/><rect x="132" y="122" width="22" height="6" rx="3" fill="${p.accent}"/>
    <path d="M92 14v40M108 14v40" stroke="${WHITE}" stroke-opacity=".5" stroke-width="4"/>
    ${sparkle(40, 40, 12, p.accent)}${sparkle(164, 44, 9, p.main)}
    ${bubbles(
      [
        [70, 162, 11],
        [100, 172, 8],
        [126, 160, 13],
      ],
      p.main,
    )}`,

  toilet: (p) => `
    <rect x="44" y="34" width="78" height="54" rx="10" fill="${WHITE}" stroke="${OUTLINE}" stroke-width="4"/>
    <rect x="74" y="44" width="18" height="8" rx="4" fill="${p.main}"/>
    <path d="M30 96h106q0 44-38 56v30H68v-30q-38-12-38-56z" fill="${WHITE}" stroke="${OUTLINE}" stroke-width="4"/>
    <ellipse cx="83" cy="96" rx="56" ry="11" fill="#e6edf4" stroke="${OUTLINE}" stroke-width="4"/>
    <rect x="62" y="178" width="42" height="10" rx="4" fill="${OUTLINE}"/>`,

  plunger: (p) => `
    <rect x="96" y="20" width="10" height="120" rx="5" fill="${WOOD}"/>
    <path d="M66 170q0-36 35-36t35 36z" fill="${p.accent}"/>
    <rect x="62" y="166" width="78" height="12" rx="6" fill="${p.accent}"/>`,

  pipe: (p) => `
    <path d="M10 62H104Q136 62 136 94V150" stroke="${p.main}" stroke-width="30" fill="none"/>
    <rect x="40" y="42" width="16" height="40" rx="4" fill="${p.dark}"/>
    <rect x="116" y="112" width="40" height="16" rx="4" fill="${p.dark}"/>
    <path d="M22 56H96" stroke="${WHITE}" stroke-opacity=".35" stroke-width="6" stroke-linecap="round"/>
    ${drop(136, 182, 26, p.main)}`,

  faucet: (p) => `
    <rect x="40" y="160" width="72" height="16" rx="6" fill="${STEEL_DARK}"/>
    <path d="M56 160V96Q56 62 90 62H150V88H96Q84 88 84 100V160Z" fill="${STEEL}"/>
    <rect x="144" y="84" width="22" height="16" rx="4" fill="${STEEL_DARK}"/>
    <rect x="36" y="74" width="46" height="12" rx="6" fill="${p.main}" transform="rotate(-18 59 80)"/>
    <path d="M64 100v50" stroke="${WHITE}" stroke-opacity=".55" stroke-width="5" stroke-linecap="round"/>
    ${drop(155, 126, 24, p.main)}${drop(155, 162, 16, p.main)}`,

  cane: (p) => `
    <path d="M74 188V76Q74 40 106 40Q136 40 136 66" stroke="${WOOD}" stroke-width="14" fill="none" stroke-linecap="round"/>
    <rect x="64" y="180" width="20" height="12" rx="5" fill="#6b5b4b"/>
    ${heart(140, 122, 54, p.accent)}`,

  teaCup: (p) => `
    <path d="M40 90h100v30q0 40-40 40h-20q-40 0-40-40z" fill="${WHITE}" stroke="${p.main}" stroke-width="5"/>
    <path d="M140 100q28 0 28 20t-28 20" stroke="${p.main}" stroke-width="6" fill="none"/>
    <ellipse cx="100" cy="176" rx="70" ry="10" fill="${p.deep}"/>
    <path d="M76 76q-8-12 0-22t0-22M104 76q-8-12 0-22t0-22" stroke="${p.main}" stroke-opacity=".4" stroke-width="5" fill="none" stroke-linecap="round"/>`,

  medicalBadge: (p) => `
    <circle cx="100" cy="100" r="74" fill="${WHITE}" stroke="${p.main}" stroke-width="8"/>
    <rect x="86" y="56" width="28" height="88" rx="6" fill="${p.accent}"/>
    <rect x="56" y="86" width="88" height="28" rx="6" fill="${p.accent}"/>`,

  bandage: (p) => `
    <g transform="rotate(-35 100 100)">
      <rect x="30" y="78" width="140" height="44" rx="22" fill="#f3c9a4"/>
      <rect x="78" y="78" width="44" height="44" fill="#e9b48a"/>
      <circle cx="92" cy="92" r="3" fill="${WHITE}"/><circle cx="108" cy="92" r="3" fill="${WHITE}"/>
      <circle cx="92" cy="108" r="3" fill="${WHITE}"/><circle cx="108" cy="108" r="3" fill="${WHITE}"/>
    </g>`,

  dumbbell: (p) => `
    <rect x="44" y="94" width="112" height="12" rx="6" fill="${STEEL_DARK}"/>
    <rect x="30" y="66" width="22" height="68" rx="8" fill="${p.main}"/>
    <rect x="14" y="78" width="18" height="44" rx="7" fill="${p.dark}"/>
    <rect x="148" y="66" width="22" height="68" rx="8" fill="${p.main}"/>
    <rect x="168" y="78" width="18" height="44" rx="7" fill="${p.dark}"/>`,

  exerciseBall: (p) => `
    <circle cx="100" cy="110" r="70" fill="${p.accent}"/>
    <path d="M40 80q60 40 120 0M44 140q56-36 112 0" stroke="${WHITE}" stroke-opacity=".55" stroke-width="8" fill="none"/>
    <ellipse cx="100" cy="184" rx="60" ry="8" fill="${p.deep}"/>`,

  wrenchTool: (p) => wrench(100, 40, 1.6, 30, p.accent),

  heartPair: (p) => `${heart(80, 100, 90, p.accent)}${heart(134, 70, 50, p.main)}`,

  sparkles: (p) => `${sparkle(60, 60, 26, p.accent)}${sparkle(140, 110, 18, p.main)}${sparkle(80, 150, 12, p.accent)}`,

  stars: (p) => `${star(70, 80, 40, 17, p.accent)}${star(140, 130, 26, 11, p.main)}`,

  moonStars: (p) => `${moon(90, 100, 56, p.accent)}${star(150, 60, 18, 8, p.accent)}${star(160, 140, 12, 5, p.main)}`,

  toolbox: (p) => `
    <path d="M72 70V54q0-10 10-10h36q10 0 10 10v16" stroke="${p.dark}" stroke-width="10" fill="none"/>
    <rect x="24" y="70" width="152" height="104" rx="12" fill="${p.accent}"/>
    <rect x="24" y="108" width="152" height="12" fill="${p.dark}" fill-opacity=".3"/>
    <rect x="88" y="102" width="24" height="24" rx="4" fill="${p.dark}"/>`,

  plant: (p) => `
    <path d="M100 120Q60 100 56 52Q96 66 100 120Z" fill="${p.main}"/>
    <path d="M100 120Q140 96 148 44Q104 62 100 120Z" fill="${p.dark}"/>
    <path d="M100 120Q90 80 100 30Q112 80 100 120Z" fill="${p.main}" fill-opacity=".8"/>
    <path d="M70 118h60l-10 66H80z" fill="${p.accent}"/>`,

  sofa: (p) => `
    <rect x="18" y="90" width="164" height="58" rx="16" fill="${p.main}"/>
    <rect x="36" y="60" width="128" height="50" rx="14" fill="${p.main}" fill-opacity=".85"/>
    <rect x="10" y="96" width="30" height="60" rx="12" fill="${p.dark}"/>
    <rect x="160" y="96" width="30" height="60" rx="12" fill="${p.dark}"/>
    <rect x="56" y="74" width="34" height="28" rx="8" fill="${p.accent}"/>
    <rect x="34" y="156" width="8" height="22" fill="${p.dark}"/><rect x="158" y="156" width="8" height="22" fill="${p.dark}"/>`,

  books: (p) => `
    <rect x="30" y="60" width="26" height="120" rx="4" fill="${p.main}"/>
    <rect x="58" y="80" width="22" height="100" rx="4" fill="${p.accent}"/>
    <rect x="82" y="50" width="30" height="130" rx="4" fill="${p.dark}"/>
    <g transform="rotate(14 140 180)"><rect x="118" y="74" width="26" height="108" rx="4" fill="#f6c453"/></g>
    <rect x="20" y="180" width="160" height="8" rx="3" fill="${WOOD}"/>`,

  basket: (p) => `
    <path d="M40 100q60-70 120 0" stroke="${WOOD}" stroke-width="8" fill="none"/>
    <path d="M26 100h148l-16 80H42z" fill="${WOOD}"/>
    <path d="M40 120h120M46 142h108M52 162h96" stroke="#8f6239" stroke-width="4"/>
    <path d="M56 100q20-22 40 0M100 100q22-26 44 0" fill="${p.deep}"/>`,

  pillBox: (p) => `
    <rect x="30" y="90" width="140" height="60" rx="10" fill="${WHITE}" stroke="${p.main}" stroke-width="5"/>
    ${[52, 86, 120, 154].map((x) => `<line x1="${x}" y1="90" x2="${x}" y2="150" stroke="${p.main}" stroke-width="3"/>`).join('')}
    <rect x="150" y="30" width="34" height="54" rx="8" fill="${p.deep}" stroke="${p.main}" stroke-width="4"/>
    <g transform="rotate(30 60 60)"><rect x="40" y="50" width="44" height="20" rx="10" fill="${p.accent}"/><rect x="62" y="50" width="22" height="20" rx="0" fill="${WHITE}"/></g>`,

  couponTicket: (p) => `
    <path d="M16 52h168v30a18 18 0 0 0 0 36v30H16v-30a18 18 0 0 0 0-36z" fill="${p.main}"/>
    <line x1="128" y1="60" x2="128" y2="140" stroke="${WHITE}" stroke-width="4" stroke-dasharray="8 7"/>
    <g stroke="${WHITE}" stroke-width="9" stroke-linecap="round" fill="none">
      <path d="M50 72l22 26 22-26M72 98v34M54 106h36M54 122h36"/>
    </g>
    ${star(156, 100, 14, 6, p.accent)}`,

  cloths: (p) => `
    <rect x="30" y="130" width="140" height="36" rx="8" fill="#4fb3e8"/>
    <rect x="38" y="98" width="124" height="36" rx="8" fill="${p.accent}"/>
    <rect x="46" y="66" width="108" height="36" rx="8" fill="#ec6f92"/>
    <rect x="54" y="34" width="92" height="36" rx="8" fill="#22a699"/>
    <path d="M62 52h76M54 84h92M46 116h108M38 148h124" stroke="${WHITE}" stroke-opacity=".45" stroke-width="3"/>`,

  thermos: (p) => `
    <rect x="70" y="18" width="60" height="26" rx="8" fill="${p.dark}"/>
    <rect x="64" y="40" width="72" height="14" rx="4" fill="${STEEL_DARK}"/>
    <rect x="62" y="52" width="76" height="132" rx="18" fill="${p.main}"/>
    <rect x="74" y="64" width="10" height="104" rx="5" fill="${WHITE}" fill-opacity=".4"/>
    <rect x="62" y="110" width="76" height="14" fill="${p.dark}" fill-opacity=".35"/>`,

  toteBag: (p) => `
    <path d="M70 74V56q0-30 30-30t30 30v18" stroke="${p.dark}" stroke-width="8" fill="none"/>
    <path d="M36 70h128l10 116H26z" fill="#f2e6d2"/>
    <path d="M100 150q-30-18-18-50q30 8 18 50zM100 150q24-30 52-22q-12 30-52 22z" fill="#3fae7a"/>
    <path d="M100 150q-2-30 6-46" stroke="#1f6e49" stroke-width="3" fill="none"/>`,
};

// ——— what each picture shows ———
// [motif, x, y, scale] placements in design units; the group is then centred and fitted into
// the 640×400 cover, so only the relative arrangement matters.
const ITEMS = {
  'daily-cleaning': [
    'home-cleaning',
    [
      ['sprayBottle', 0, 0, 1],
      ['cloth', 120, 60, 0.7],
      ['sparkles', -120, -20, 0.5],
    ],
  ],
  'deep-cleaning': [
    'home-cleaning',
    [
      ['bucketMop', 0, 0, 1],
      ['sparkles', 170, -10, 0.55],
    ],
  ],
  'move-in-cleaning': [
    'home-cleaning',
    [
      ['house', 0, 0, 1],
      ['paintRoller', 170, 70, 0.65],
    ],
  ],
  'window-cleaning': [
    'home-cleaning',
    [
      ['window', 0, 0, 1],
      ['sparkles', -110, 10, 0.45],
    ],
  ],
  'maternity-nurse-26d': [
    'maternity-nanny',
    [
      ['babyBottle', 0, 0, 1],
      ['heartPair', 120, 30, 0.7],
    ],
  ],
  'gold-maternity-nurse-26d': [
    'maternity-nanny',
    [
      ['babyBottle', 0, 0, 1],
      ['crown', 130, 10, 0.75],
      ['stars', 200, -30, 0.45],
    ],
  ],
  'live-in-nanny': [
    'maternity-nanny',
    [
      ['pot', 0, 0, 1],
      ['heartPair', 170, -10, 0.45],
    ],
  ],
  'daytime-childcare': [
    'childcare',
    [
      ['blocks', 0, 0, 1],
      ['sun', 170, -60, 0.55],
    ],
  ],
  'live-in-childcare': [
    'childcare',
    [
      ['crib', 0, 0, 1],
      ['moonStars', 180, -60, 0.55],
    ],
  ],
  'hourly-childcare': [
    'childcare',
    [
      ['rattle', 0, 0, 1],
      ['clock', 140, 30, 0.75],
    ],
  ],
  'ac-cleaning': [
    'appliance-repair',
    [
      ['airConditioner', 0, 0, 1],
      ['sparkles', 200, 90, 0.5],
      ['snowflake', -80, 100, 0.45],
    ],
  ],
  'ac-repair': [
    'appliance-repair',
    [
      ['airConditioner', 0, 0, 1],
      ['wrenchTool', 190, 70, 0.7],
    ],
  ],
  'washing-machine-repair': [
    'appliance-repair',
    [
      ['washingMachine', 0, 0, 1],
      ['wrenchTool', 170, 60, 0.65],
    ],
  ],
  'range-hood-cleaning': ['appliance-repair', [['rangeHood', 0, 0, 1]]],
  'toilet-unclogging': [
    'plumbing',
    [
      ['toilet', 0, 0, 1],
      ['plunger', 130, 0, 0.95],
    ],
  ],
  'drain-unclogging': [
    'plumbing',
    [
      ['pipe', 0, 0, 1],
      ['sparkles', 170, 0, 0.45],
    ],
  ],
  'faucet-replacement': [
    'plumbing',
    [
      ['faucet', 0, 0, 1],
      ['wrenchTool', 180, 70, 0.6],
    ],
  ],
  'elderly-companion': [
    'home-nursing',
    [
      ['cane', 0, 0, 1],
      ['teaCup', 150, 60, 0.65],
    ],
  ],
  'post-op-care': [
    'home-nursing',
    [
      ['medicalBadge', 0, 0, 1],
      ['bandage', 150, 80, 0.6],
    ],
  ],
  'home-rehab': [
    'home-nursing',
    [
      ['dumbbell', 0, 0, 1],
      ['exerciseBall', 190, 10, 0.8],
    ],
  ],
};

const CATEGORY_ICONS = {
  'home-cleaning': 'sprayBottle',
  'maternity-nanny': 'babyBottle',
  childcare: 'blocks',
  'appliance-repair': 'airConditioner',
  plumbing: 'faucet',
  'home-nursing': 'medicalBadge',
};

// Two room scenes per category: [motif, centre x, scale, wall y]. Without a wall y the motif
// stands on the floor line.
const GALLERY = {
  'home-cleaning': [
    [
      ['sofa', 260, 1.2],
      ['plant', 470, 0.9],
      ['sprayBottle', 110, 0.6],
    ],
    [
      ['bucketMop', 220, 1.1],
      ['window', 440, 0.85, 40],
      ['sparkles', 560, 0.45, 200],
    ],
  ],
  'maternity-nanny': [
    [
      ['crib', 280, 1.2],
      ['moonStars', 500, 0.6, 40],
      ['heartPair', 500, 0.45, 200],
    ],
    [
      ['basket', 190, 1.0],
      ['babyBottle', 350, 0.9],
      ['pot', 490, 0.75],
    ],
  ],
  childcare: [
    [
      ['blocks', 230, 1.0],
      ['rattle', 410, 0.85],
      ['sun', 530, 0.55, 30],
    ],
    [
      ['books', 220, 1.1],
      ['blocks', 430, 0.7],
      ['stars', 520, 0.55, 40],
    ],
  ],
  'appliance-repair': [
    [
      ['airConditioner', 300, 1.1, 30],
      ['toolbox', 200, 0.7],
      ['plant', 480, 0.75],
    ],
    [
      ['washingMachine', 250, 1.1],
      ['basket', 450, 0.8],
    ],
  ],
  plumbing: [
    [
      ['faucet', 220, 1.0],
      ['toilet', 430, 1.05],
    ],
    [
      ['toolbox', 200, 0.9],
      ['pipe', 400, 0.9, 90],
      ['plunger', 540, 0.8],
    ],
  ],
  'home-nursing': [
    [
      ['sofa', 240, 1.1],
      ['cane', 440, 0.85],
      ['plant', 550, 0.65],
    ],
    [
      ['pillBox', 220, 0.85],
      ['teaCup', 390, 0.75],
      ['heartPair', 500, 0.6, 60],
    ],
  ],
};

const GIFTS = { coupon: 'couponTicket', cloths: 'cloths', thermos: 'thermos', bag: 'toteBag' };

// Worker avatars: [gender, background, hair colour, hairstyle, skin, shirt].
const AVATARS = {
  f1: ['female', '#fde2e7', '#2b2321', 'bob', '#f6d2b8', '#22a699'],
  f2: ['female', '#e3f0fd', '#3b2a20', 'bun', '#f1c7a5', '#ec6f92'],
  f3: ['female', '#fff0da', '#1f1a18', 'long', '#f4cfb2', '#3b7ddd'],
  f4: ['female', '#e6f6ee', '#4a3226', 'bun', '#eec09b', '#f19a38'],
  f5: ['female', '#efe7fb', '#2a201d', 'bob', '#f3cdb0', '#3fae7a'],
  f6: ['female', '#fff5d6', '#5a3b2b', 'long', '#f0c4a0', '#8b6fd6'],
  m1: ['male', '#e1f4fb', '#1d1a19', 'short', '#eebf98', '#1596c9'],
  m2: ['male', '#eef3e2', '#2e2420', 'side', '#f1c7a5', '#22a699'],
  m3: ['male', '#fde9dc', '#191615', 'short', '#e8b78f', '#3b7ddd'],
  m4: ['male', '#ece8f8', '#3a2c24', 'side', '#f0c4a0', '#e8834d'],
};

// ——— picture builders ———
function svg(width, height, body, defs = '') {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${body}</svg>`;
}

function gradient(id, from, to, vertical = true) {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`;
}

function confetti(random, p, width, height, count) {
  let out = '';
  for (let i = 0; i < count; i += 1) {
    const x = (random() * width).toFixed(0);
    const y = (random() * height * 0.8).toFixed(0);
    const r = (3 + random() * 6).toFixed(1);
    const fill = random() < 0.5 ? p.main : p.accent;
    out +=
      random() < 0.7
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity=".22"/>`
        : sparkle(Number(x), Number(y), Number(r) * 1.8, fill).replace('/>', ' fill-opacity=".35"/>');
  }
  return out;
}

/** Bounding box of a motif's drawn pixels in its 200×200 design box (it may overflow). */
const boxes = new Map();
async function measure(name, p) {
  const key = `${name}|${p.main}`;
  if (!boxes.has(key)) {
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="-100 -100 400 400">${MOTIFS[name](p)}</svg>`;
    const { info } = await sharp(Buffer.from(text)).trim({ threshold: 1 }).toBuffer({ resolveWithObject: true });
    boxes.set(key, { x: -info.trimOffsetLeft - 100, y: -info.trimOffsetTop - 100, w: info.width, h: info.height });
  }
  return boxes.get(key);
}

/** Scales and centres a group of placed motifs into a target box; returns the SVG and the
 * bottom edge of the drawing (for the floor shadow). */
async function fitGroup(list, p, target) {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const [name, x, y, scale] of list) {
    const b = await measure(name, p);
    left = Math.min(left, x + b.x * scale);
    top = Math.min(top, y + b.y * scale);
    right = Math.max(right, x + (b.x + b.w) * scale);
    bottom = Math.max(bottom, y + (b.y + b.h) * scale);
  }
  const k = Math.min(target.w / (right - left), target.h / (bottom - top));
  const tx = target.cx - (k * (left + right)) / 2;
  const ty = target.cy - (k * (top + bottom)) / 2;
  const body = list.map(([name, x, y, scale]) => place(x, y, scale, MOTIFS[name](p))).join('');
  return {
    svg: `<g transform="translate(${tx.toFixed(1)} ${ty.toFixed(1)}) scale(${k.toFixed(3)})">${body}</g>`,
    bottom: ty + k * bottom,
  };
}

async function cover(slug) {
  const [category, motifs] = ITEMS[slug];
  const p = PALETTES[category];
  const random = rng(slug);
  const group = await fitGroup(motifs, p, { cx: 320, cy: 196, w: 480, h: 280 });
  const body = [
    `<rect width="640" height="400" fill="url(#bg)"/>`,
    `<circle cx="${520 + random() * 60}" cy="${60 + random() * 40}" r="120" fill="${p.deep}" fill-opacity=".55"/>`,
    `<circle cx="${60 + random() * 60}" cy="${330 + random() * 40}" r="90" fill="${p.deep}" fill-opacity=".45"/>`,
    confetti(random, p, 640, 400, 14),
    `<ellipse cx="320" cy="${Math.min(group.bottom + 4, 384).toFixed(0)}" rx="230" ry="14" fill="${p.dark}" fill-opacity=".12"/>`,
    group.svg,
  ].join('');
  return svg(640, 400, body, gradient('bg', p.light, WHITE));
}

async function categoryIcon(category) {
  const p = PALETTES[category];
  const group = await fitGroup([[CATEGORY_ICONS[category], 0, 0, 1]], p, { cx: 128, cy: 128, w: 120, h: 120 });
  const body = [
    `<rect width="256" height="256" rx="56" fill="url(#bg)"/>`,
    `<circle cx="128" cy="128" r="96" fill="${WHITE}" fill-opacity=".92"/>`,
    group.svg,
  ].join('');
  return svg(256, 256, body, gradient('bg', p.main, p.dark));
}

async function galleryScene(category, index) {
  const p = PALETTES[category];
  const random = rng(`${category}-${index}`);
  const floorY = 300;
  const placed = [];
  for (const [name, cx, scale, wallY] of GALLERY[category][index]) {
    const b = await measure(name, p);
    const x = cx - (b.x + b.w / 2) * scale;
    // Standing motifs touch the floor a little below its edge, as if seen from above.
    const y = wallY === undefined ? floorY + 14 - (b.y + b.h) * scale : wallY - b.y * scale;
    placed.push(place(x, y, scale, MOTIFS[name](p)));
  }
  const body = [
    `<rect width="640" height="${floorY}" fill="url(#wall)"/>`,
    `<rect y="${floorY}" width="640" height="${400 - floorY}" fill="${p.deep}"/>`,
    `<rect y="${floorY}" width="640" height="8" fill="${p.dark}" fill-opacity=".18"/>`,
    index === 0
      ? `<circle cx="90" cy="80" r="40" fill="${WHITE}" fill-opacity=".7"/>`
      : `<rect x="40" y="40" width="110" height="80" rx="8" fill="${WHITE}" fill-opacity=".8" stroke="${p.main}" stroke-opacity=".4" stroke-width="5"/>`,
    confetti(random, p, 640, floorY, 8),
    `<ellipse cx="340" cy="${floorY + 18}" rx="250" ry="12" fill="${p.dark}" fill-opacity=".10"/>`,
    placed.join(''),
  ].join('');
  return svg(640, 400, body, gradient('wall', p.light, WHITE));
}

async function giftPicture(key) {
  const p = PALETTES.gifts;
  const random = rng(`gift-${key}`);
  const group = await fitGroup([[GIFTS[key], 0, 0, 1]], p, { cx: 160, cy: 160, w: 170, h: 170 });
  const body = [
    `<rect width="320" height="320" fill="url(#bg)"/>`,
    `<circle cx="160" cy="160" r="120" fill="${WHITE}" fill-opacity=".75"/>`,
    confetti(random, p, 320, 320, 8),
    group.svg,
  ].join('');
  return svg(320, 320, body, gradient('bg', p.light, p.deep));
}

function avatar(key) {
  const [gender, background, hair, style, skin, shirt] = AVATARS[key];
  const back = {
    long: `<path d="M52 96Q50 40 100 38Q150 40 148 96V150H52Z" fill="${hair}"/>`,
    bob: `<path d="M54 100Q52 42 100 40Q148 42 146 100V124H54Z" fill="${hair}"/>`,
    bun: `<circle cx="100" cy="34" r="20" fill="${hair}"/>`,
    short: '',
    side: '',
  }[style];
  const front = {
    long: `<path d="M58 88Q62 50 100 50Q132 50 142 84Q112 80 96 62Q86 80 58 88Z" fill="${hair}"/>`,
    bob: `<path d="M58 90Q60 50 100 50Q140 50 142 90Q122 70 100 66Q80 70 58 90Z" fill="${hair}"/>`,
    bun: `<path d="M58 88Q60 48 100 48Q140 48 142 88Q128 66 100 64Q72 66 58 88Z" fill="${hair}"/>`,
    short: `<path d="M60 84Q58 44 100 44Q142 44 140 84Q132 64 100 62Q68 64 60 84Z" fill="${hair}"/>`,
    side: `<path d="M60 86Q56 44 102 44Q144 46 140 84Q124 60 86 66Q72 70 60 86Z" fill="${hair}"/>`,
  }[style];
  const body = [
    `<circle cx="100" cy="100" r="100" fill="${background}"/>`,
    back,
    `<path d="M30 200Q34 148 100 144Q166 148 170 200Z" fill="${shirt}"/>`,
    `<path d="M84 128h32v24q-16 10-32 0z" fill="${skin}"/>`,
    `<ellipse cx="100" cy="94" rx="40" ry="44" fill="${skin}"/>`,
    front,
    `<circle cx="85" cy="98" r="4.5" fill="#2b2321"/><circle cx="115" cy="98" r="4.5" fill="#2b2321"/>`,
    `<path d="M88 116q12 10 24 0" stroke="#b4574a" stroke-width="4" fill="none" stroke-linecap="round"/>`,
    gender === 'female'
      ? `<circle cx="76" cy="112" r="6" fill="#f29a9a" fill-opacity=".45"/><circle cx="124" cy="112" r="6" fill="#f29a9a" fill-opacity=".45"/>`
      : '',
    `<path d="M84 152l16 14 16-14" stroke="${WHITE}" stroke-opacity=".7" stroke-width="4" fill="none"/>`,
  ].join('');
  return svg(200, 200, `<clipPath id="c"><circle cx="100" cy="100" r="100"/></clipPath><g clip-path="url(#c)">${body}</g>`);
}

async function write(name, svgText) {
  const png = await sharp(Buffer.from(svgText)).png({ palette: true, colors: 96, compressionLevel: 9, effort: 10 }).toBuffer();
  fs.writeFileSync(path.join(OUT, name), png);
  return png.length;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const jobs = [
    ...Object.keys(ITEMS).map((slug) => [`item-${slug}.png`, () => cover(slug)]),
    ...Object.keys(CATEGORY_ICONS).map((category) => [`category-${category}.png`, () => categoryIcon(category)]),
    ...Object.keys(GALLERY).flatMap((category) =>
      [0, 1].map((i) => [`gallery-${category}-${i + 1}.png`, () => galleryScene(category, i)]),
    ),
    ...Object.keys(GIFTS).map((key) => [`gift-${key}.png`, () => giftPicture(key)]),
    ...Object.keys(AVATARS).map((key) => [`avatar-${key}.png`, async () => avatar(key)]),
  ];
  let total = 0;
  for (const [name, draw] of jobs) total += await write(name, await draw());
  console.log(`wrote ${jobs.length} images to ${path.relative(process.cwd(), OUT)} (${(total / 1024).toFixed(0)} KB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
