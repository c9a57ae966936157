/**
 * Rule 11: the "phone" page at GET /sandbox/etax/control/. Whoever demos the product in a browser
 * plays the account holder here: per phone, the SMS received, and the pending QR-login and face
 * (认证) tickets with 扫码 / 确认 buttons. Self-contained HTML + inline JS, no build step; it reads
 * GET ./state every 2 s and posts to ./tickets/:ticket/(scan|confirm|fail).
 */
export const phonePageHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>电子税局沙箱 · 模拟手机</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f2f4f7; color: #1f2329; }
  header { position: sticky; top: 0; background: #1e5eff; color: #fff; padding: 12px 16px; z-index: 1; }
  header h1 { margin: 0; font-size: 17px; }
  header p { margin: 2px 0 8px; font-size: 12px; opacity: .85; }
  header input { width: 100%; padding: 8px 10px; border: 0; border-radius: 6px; font-size: 15px; }
  main { padding: 12px; max-width: 640px; margin: 0 auto; }
  .phone { background: #fff; border-radius: 10px; padding: 12px 14px; margin-bottom: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .phone h2 { margin: 0 0 6px; font-size: 16px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  .phone h2 small { color: #646a73; font-weight: normal; font-size: 13px; }
  .tag { font-size: 12px; padding: 0 6px; border-radius: 4px; background: #e8f0ff; color: #1e5eff; }
  .tag.warn { background: #fff0e8; color: #d83931; }
  h3 { margin: 10px 0 4px; font-size: 13px; color: #646a73; font-weight: normal; }
  .sms { border-left: 3px solid #1e5eff; padding: 4px 8px; margin: 4px 0; background: #f7f9fc; }
  .sms .code { font-size: 22px; font-weight: bold; letter-spacing: 3px; }
  .meta { font-size: 12px; color: #8f959e; }
  .ticket { border: 1px solid #dee0e3; border-radius: 8px; padding: 8px 10px; margin: 6px 0; }
  .ticket .title { font-weight: bold; }
  .actions { display: flex; gap: 8px; margin-top: 6px; }
  button { flex: 1; padding: 9px 0; font-size: 15px; border-radius: 6px; border: 1px solid #1e5eff; background: #fff; color: #1e5eff; }
  button.primary { background: #1e5eff; color: #fff; }
  .empty { color: #8f959e; font-size: 13px; }
  #status { font-size: 12px; color: #8f959e; text-align: center; margin: 8px; }
</style>
</head>
<body>
<header>
  <h1>电子税局沙箱 · 模拟手机</h1>
  <p>扮演账号持有人：查看收到的短信验证码，在税务APP中确认扫码登录和人脸认证。每2秒自动刷新。</p>
  <input id="filter" type="search" placeholder="按手机号码或姓名筛选">
</header>
<main id="phones"></main>
<div id="status">加载中…</div>
<script>
(function () {
  var base = location.pathname.replace(/\\/?$/, '/');
  var KIND = { login: '扫码登录', auth: '人脸认证' };
  var STATE = { pending: '待扫码', scanned: '已扫码，待确认' };
  var PURPOSE = { login: '登录', reset_password: '重置密码' };
  var PROVIDER = { huameng: '华盟托管号码', qixiangyun: '企享云办税小号' };
  var last = '';
  var data = null;

  function h(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') el.textContent = attrs[k];
      else if (k === 'onclick') el.onclick = attrs[k];
      else el.setAttribute(k, attrs[k]);
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i]) el.appendChild(arguments[i]);
    return el;
  }
  function time(iso) {
    var d = new Date(iso);
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
  }

  function act(ticket, idNumber, action) {
    return fetch(base + 'tickets/' + encodeURIComponent(ticket) + '/' + action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: idNumber })
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (res.error) alert(res.error.message);
      last = '';
      return load();
    });
  }

  function renderPhone(p) {
    var title = h('h2', null, document.createTextNode(p.name), h('small', { text: p.phone }),
      p.hostedBy ? h('span', { class: 'tag', text: PROVIDER[p.hostedBy] }) : null,
      p.lockedUntil ? h('span', { class: 'tag warn', text: '已锁定至 ' + time(p.lockedUntil) }) : null);
    var card = h('section', { class: 'phone', 'data-phone': p.phone }, title,
      h('div', { class: 'meta', text: '证件号码 ' + p.maskedIdNumber }));
    card.appendChild(h('h3', { text: '待确认（税务APP）' }));
    if (p.tickets.length === 0) card.appendChild(h('div', { class: 'empty', text: '暂无待确认的扫码或认证' }));
    p.tickets.forEach(function (t) {
      var actions = h('div', { class: 'actions' });
      if (t.state === 'pending') actions.appendChild(h('button', { text: '扫码', onclick: function () { act(t.ticket, p.idNumber, 'scan'); } }));
      actions.appendChild(h('button', { class: 'primary', text: '确认', onclick: function () { act(t.ticket, p.idNumber, 'confirm'); } }));
      if (t.canFail) actions.appendChild(h('button', { text: '识别失败', onclick: function () { act(t.ticket, p.idNumber, 'fail'); } }));
      card.appendChild(h('div', { class: 'ticket', 'data-ticket': t.ticket },
        h('div', { class: 'title', text: KIND[t.kind] + ' · ' + t.appLabel }),
        h('div', { text: t.taxId ? t.enterpriseName + '（' + t.taxId + '）' : '忘记密码 · 安全验证' }),
        h('div', { class: 'meta', text: STATE[t.state] + ' · ' + time(t.expiresAt) + ' 前有效' }),
        actions));
    });
    card.appendChild(h('h3', { text: '短信' }));
    if (p.sms.length === 0) card.appendChild(h('div', { class: 'empty', text: '暂无短信' }));
    p.sms.forEach(function (s) {
      card.appendChild(h('div', { class: 'sms' },
        h('div', { class: 'code', text: s.code }),
        h('div', { text: s.text }),
        h('div', { class: 'meta', text: PURPOSE[s.purpose] + ' · ' + time(s.sentAt) })));
    });
    return card;
  }

  function render() {
    var root = document.getElementById('phones');
    var q = document.getElementById('filter').value.trim();
    root.textContent = '';
    var list = data.phones.filter(function (p) { return !q || p.phone.indexOf(q) >= 0 || p.name.indexOf(q) >= 0; });
    if (list.length === 0) root.appendChild(h('div', { class: 'empty', text: '沙箱中还没有自然人（用控制接口 POST persons 创建）' }));
    list.forEach(function (p) { root.appendChild(renderPhone(p)); });
  }

  function load() {
    return fetch(base + 'state').then(function (r) { return r.json(); }).then(function (state) {
      document.getElementById('status').textContent = '更新于 ' + new Date().toLocaleTimeString();
      var key = JSON.stringify(state.phones);
      if (key === last) return;
      last = key;
      data = state;
      render();
    }).catch(function () {
      document.getElementById('status').textContent = '无法连接沙箱，稍后重试…';
    });
  }

  document.getElementById('filter').addEventListener('input', function () { if (data) render(); });
  load();
  setInterval(load, 2000);
})();
</script>
</body>
</html>
`;
