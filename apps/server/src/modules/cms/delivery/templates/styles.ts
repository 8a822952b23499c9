import type { ResolvedTheme } from '../theme.js';

/**
 * The public stylesheet, inlined (one request per page, no render-blocking fetch; the CSP allows
 * inline styles). Colours come from the contrast-checked theme only, never from raw editor input.
 */
export function siteStyles(theme: ResolvedTheme): string {
  return `:root{--primary:${theme.primary};--on-primary:${theme.onPrimary};--accent:${theme.accent};--ink:#1a1a1a;--muted:#4a4f57;--card:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.6;color:var(--ink);background:#fff}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip-link{position:absolute;left:1rem;top:-4rem;background:#fff;color:#1a1a1a;padding:.5rem 1rem;z-index:10}
.skip-link:focus{top:1rem}
.site-header{background:var(--primary);color:var(--on-primary)}
.site-header a{color:var(--on-primary)}
.site-header a:focus-visible,.site-header button:focus-visible,.site-header input:focus-visible{outline-color:var(--on-primary)}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.brand{display:flex;align-items:center;gap:.75rem;padding:1rem 0;font-size:1.375rem;font-weight:700;text-decoration:none}
.brand img{max-height:3rem;width:auto}
.site-header nav ul,.site-footer nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.site-header nav{padding-bottom:.75rem}
.site-header nav ul ul,.site-footer nav ul ul{gap:.1rem .9rem;margin:.1rem 0 0 .75rem;font-size:.9375rem}
form[role=search]{display:flex;gap:.5rem;align-items:center;padding-bottom:1rem;flex-wrap:wrap}
form[role=search] input{font:inherit;padding:.35rem .5rem;border:2px solid #5c6370;border-radius:4px;min-width:14rem}
button{font:inherit;padding:.35rem .9rem;border:2px solid var(--accent);border-radius:4px;background:#fff;color:var(--accent);cursor:pointer}
.site-header button{border-color:var(--on-primary);background:transparent;color:var(--on-primary)}
main{display:block;max-width:48rem;margin:0 auto;padding:2rem 1rem 3rem}
main:focus{outline:none}
main.wide{max-width:72rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
.meta{color:var(--muted);font-size:.95rem}
.lead{font-size:1.2rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1.25rem;list-style:none;padding:0}
.card{background:var(--card);border-radius:6px;padding:1rem;display:flex;flex-direction:column;gap:.25rem}
.card h2,.card h3{margin:.25rem 0;font-size:1.15rem}
.card img,figure img{max-width:100%;height:auto;border-radius:4px}
.card p{margin:.25rem 0}
figure{margin:1.5rem 0}
figcaption{color:var(--muted);font-size:.95rem}
.rt-embed iframe{width:100%;aspect-ratio:16/9;border:0}
.rt-table{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #8a9099;padding:.4rem .6rem;text-align:left;vertical-align:top}
th p,td p{margin:0}
blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--accent)}
pre{background:#1f2328;color:#f6f8fa;padding:1rem;overflow-x:auto;border-radius:4px}
.breadcrumb ol{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem}
.breadcrumb li+li::before{content:"/";margin-right:.5rem;color:var(--muted)}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.pagination ul{list-style:none;padding:0;display:flex;gap:1.5rem}
.events{list-style:none;padding:0}
.events article{border-top:1px solid #c5c9d0;padding:.5rem 0 1rem}
.events h2{margin:.75rem 0 .25rem}
.events p{margin:.25rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.notice{background:#fff4ce;color:#1a1a1a;border:2px solid #8a6d00;padding:.75rem 1rem;border-radius:4px}
.site-footer{border-top:1px solid #c5c9d0;margin-top:2rem;padding:1.5rem 0;color:var(--muted)}
.site-footer p{margin:.5rem 0}
`;
}
