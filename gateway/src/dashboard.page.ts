/**
 * The dashboard's page: markup and style only. Its script is the browser code of gateway/web
 * (dashboard.main.js) with Apache ECharts before it; every file comes from this gateway.
 */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Dasbor Kesos</title>
  <link rel="icon" href="data:," />
  <style>
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2933; background: #f4f6f8; }
    header.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding: 10px 20px; background: #14507a; color: #fff; }
    header.bar h1 { font-size: 18px; margin: 0; }
    header.bar nav { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
    header.bar a { color: #fff; font-weight: 600; }
    header.bar select, header.bar button { font: inherit; }
    #who { opacity: 0.85; }
    main { padding: 16px 20px; }
    form#sign-in { max-width: 640px; background: #fff; padding: 20px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
    form#sign-in textarea { width: 100%; height: 110px; font: 12px monospace; }
    .hint { color: #52606d; }
    code { background: #e4e7eb; padding: 1px 4px; border-radius: 3px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; }
    .panel { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 12px 16px; min-width: 0; }
    .panel header { display: flex; align-items: center; gap: 8px; }
    .panel h2 { font-size: 15px; margin: 0; flex: 1; }
    .panel .summary { margin: 4px 0; color: #323f4b; font-weight: 600; }
    .panel .summary:empty, .panel .status:empty { display: none; }
    .panel .status { color: #52606d; }
    .panel .status.refusal { color: #c0392b; }
    .panel .table { max-height: 380px; overflow: auto; }
    .panel table { border-collapse: collapse; width: 100%; font-size: 13px; }
    .panel th, .panel td { border-bottom: 1px solid #e4e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
    .panel th { position: sticky; top: 0; background: #f4f6f8; }
    .panel .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    [hidden] { display: none !important; }
  </style>
</head>
<body>
  <header class="bar">
    <h1>Dasbor Kinerja Balai Kesos</h1>
    <nav id="nav" hidden>
      <a id="to-ministry" href="#/ministry">Kementerian</a>
      <label>Unit <select id="unit"></select></label>
      <label>Tahun <select id="year"></select></label>
      <span id="who"></span>
      <button type="button" id="sign-out">Keluar</button>
    </nav>
  </header>
  <main>
    <form id="sign-in" hidden>
      <h2>Masuk</h2>
      <label for="token">Token akses (Bearer)</label>
      <textarea id="token" autocomplete="off" spellcheck="false"></textarea>
      <p class="hint">Token disimpan hanya selama tab ini terbuka. Untuk mencoba: <code>npm run --silent token -- --role admin</code></p>
      <button type="submit">Masuk</button>
      <p id="sign-in-error" class="status refusal"></p>
    </form>
    <section id="view" hidden>
      <h2 id="view-title"></h2>
      <div id="grid" class="grid"></div>
    </section>
  </main>
  <script src="/dashboard/echarts.min.js"></script>
  <script type="module" src="/dashboard/dashboard.main.js"></script>
</body>
</html>`;
