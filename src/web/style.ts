/**
 * The dashboard's one stylesheet, served from `/assets/app.css` so the Content-Security-Policy can
 * forbid inline styles and every script. Speaker colours are classes (`sp-0` … `sp-11`), never inline.
 */
export const SPEAKER_COLOURS = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f00', '#3949ab', '#00897b', '#6d4c41',
] as const;

export const STANCE_COLOURS = { support: '#2e7d32', oppose: '#c62828', neutral: '#78909c', conditional: '#ef8f00' } as const;

const speakerRules = SPEAKER_COLOURS.map(
  (c, i) => `.sp-${i}{background:${c}22;border-bottom:2px solid ${c}}.chip.sp-${i}{background:${c};border:0;color:#fff}`,
).join('\n');

export const APP_CSS = `
:root{--fg:#1d2430;--muted:#5b6573;--line:#dde2e8;--bg:#f6f7f9;--card:#fff;--accent:#1f4e8c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:#14243b;color:#fff;padding:0 20px}
header.top .wrap{display:flex;align-items:center;gap:22px;height:52px}
header.top a{color:#d6e2f3}header.top a.brand{color:#fff;font-weight:700;font-size:18px;letter-spacing:.02em}
header.top a.on{color:#fff;border-bottom:2px solid #8ab4f8;padding-bottom:3px}
.wrap{max-width:1120px;margin:0 auto}
main.wrap{padding:20px}
h1{font-size:24px;margin:4px 0 6px;line-height:1.25}h2{font-size:17px;margin:0 0 10px}h3{font-size:15px;margin:14px 0 6px}
.muted{color:var(--muted)}.small{font-size:13px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:0 0 16px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}.grid>.card{margin:0}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
.stats{display:flex;flex-wrap:wrap;gap:10px 26px;margin:4px 0 16px}
.stats b{font-size:20px;display:block}
form.search{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
form.search label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
form.search input,form.search select{font:inherit;padding:6px 8px;border:1px solid #c4ccd6;border-radius:5px;background:#fff;min-width:0}
form.search input[name=q]{width:320px;max-width:100%}
form.search select{max-width:240px}
form.search button{font:inherit;padding:7px 16px;border:0;border-radius:5px;background:var(--accent);color:#fff;cursor:pointer}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.quote{margin:0 0 12px;padding:0 0 12px;border-bottom:1px solid var(--line)}.quote:last-child{border-bottom:0;margin:0;padding:0}
.quote .text{font-size:15.5px;border-left:3px solid #c9d3e0;padding-left:10px}
.quote.indirect .text,.quote.partial .text{border-left-style:dotted}
.quote .who{font-size:13px;color:var(--muted);margin-top:3px}
mark{background:#fff0a8;padding:0 1px}
.chip{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;line-height:19px;border:1px solid var(--line);background:#f0f2f5;white-space:nowrap}
.stance-support{background:${STANCE_COLOURS.support};color:#fff;border:0}.stance-oppose{background:${STANCE_COLOURS.oppose};color:#fff;border:0}
.stance-neutral{background:${STANCE_COLOURS.neutral};color:#fff;border:0}.stance-conditional{background:${STANCE_COLOURS.conditional};color:#fff;border:0}
.ev-type{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:11.5px}
article.text{white-space:pre-wrap;font-size:16px;line-height:1.65;font-family:Georgia,"Times New Roman",serif}
article.text .q{border-radius:2px}
article.text .ev{text-decoration:underline wavy #c62828;text-underline-offset:3px}
article.text .ign{color:#9aa3ad;text-decoration:line-through}
article.text .hl{font-weight:700;font-size:20px}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px;align-items:center;padding-bottom:10px;margin-bottom:12px;border-bottom:1px solid var(--line)}
.empty{color:var(--muted);font-style:italic}
.pager{display:flex;gap:14px;align-items:center;margin-top:10px;font-size:14px}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font:11px system-ui,sans-serif;fill:#4a5360}
svg.chart .axis{stroke:#c4ccd6}
.two{display:grid;grid-template-columns:2fr 1fr;gap:16px}@media (max-width:900px){.two{grid-template-columns:1fr}}
footer.foot{color:var(--muted);font-size:12px;text-align:center;padding:20px}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 14px;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
${speakerRules}
`;
