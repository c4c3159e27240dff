// textaudit review page: filters, table sorting and the finding detail panel. Every piece of
// audited text reaches the DOM through textContent, never innerHTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('textaudit-data').textContent);
  var findings = data.findings;
  var categoryClass = {};
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  boxes.forEach(function (b) {
    if (b.name === 'category') categoryClass[b.value] = b.dataset.class;
  });
  var shownCategories = new Set();
  var shownSeverities = new Set();

  function classOf(category) { return categoryClass[category] || 'c-other'; }

  function visible(id) {
    var f = findings[id];
    return !!f && shownCategories.has(f.category) && shownSeverities.has(f.severity);
  }

  function idsOf(mark) { return mark.dataset.f.split(' ').map(Number); }

  // Filters: a highlight keeps the colour of its most important visible finding (the IDs in
  // data-f come most important first) and disappears when none of its findings is shown.
  function applyFilters() {
    shownCategories.clear();
    shownSeverities.clear();
    boxes.forEach(function (b) {
      if (b.checked) (b.name === 'category' ? shownCategories : shownSeverities).add(b.value);
    });
    var hidden = 0;
    document.querySelectorAll('tr[data-id]').forEach(function (row) {
      var on = visible(Number(row.dataset.id));
      row.hidden = !on;
      if (!on) hidden++;
    });
    document.querySelectorAll('mark[data-f]').forEach(function (m) {
      var ids = idsOf(m).filter(visible);
      var keep = m.className.split(' ').filter(function (c) {
        return c && c.indexOf('c-') !== 0 && c.indexOf('s-') !== 0 && c !== 'multi' && c !== 'off';
      });
      if (ids.length === 0) {
        keep.push('off');
        if (m.hasAttribute('tabindex')) m.tabIndex = -1;
      } else {
        var top = findings[ids[0]];
        keep.push(classOf(top.category), 's-' + top.severity);
        if (ids.length > 1) keep.push('multi');
        if (m.hasAttribute('tabindex')) m.tabIndex = 0;
      }
      m.className = keep.join(' ');
    });
    document.getElementById('filter-status').textContent =
      hidden === 0 ? '' : hidden + (hidden === 1 ? ' finding' : ' findings') + ' hidden by the filters';
  }
  boxes.forEach(function (b) { b.addEventListener('change', applyFilters); });
  applyFilters();

  // Detail panel.
  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');
  var returnFocus = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function addRow(dl, key, value, cls) {
    dl.append(el('dt', null, key), el('dd', cls, value));
  }

  function fileName(index) {
    var h = document.querySelector('#f' + index + ' .file-h .path');
    return h ? h.textContent : '';
  }

  function clearSelection() {
    document.querySelectorAll('.sel').forEach(function (e) { e.classList.remove('sel'); });
  }

  function show(ids, origin) {
    clearSelection();
    panelBody.replaceChildren();
    ids.forEach(function (id) {
      var f = findings[id];
      if (!f) return;
      var art = el('article', 'pf ' + classOf(f.category));
      var h = el('h3');
      h.append(el('span', 'sev sev-' + f.severity, f.severity), el('code', null, f.rule));
      art.append(h, el('p', 'msg', f.message));
      var dl = el('dl');
      addRow(dl, 'file', fileName(f.file));
      addRow(dl, 'where', f.location);
      addRow(dl, 'category', f.category);
      Object.keys(f.evidence || {}).forEach(function (k) {
        var v = f.evidence[k];
        addRow(dl, k, typeof v === 'string' ? v : JSON.stringify(v, null, 1), 'ev');
      });
      art.append(dl);
      panelBody.append(art);
      document.querySelectorAll('mark[data-f~="' + id + '"], tr[data-id="' + id + '"]').forEach(function (e) {
        e.classList.add('sel');
      });
    });
    document.getElementById('panel-h').textContent = ids.length === 1 ? 'Finding' : ids.length + ' findings here';
    panel.hidden = false;
    returnFocus = origin || null;
  }

  function hide() {
    panel.hidden = true;
    clearSelection();
    if (returnFocus) returnFocus.focus();
    returnFocus = null;
  }
  document.getElementById('panel-close').addEventListener('click', hide);

  function openMark(m) {
    var ids = idsOf(m);
    var shown = ids.filter(visible);
    show(shown.length ? shown : ids, m);
  }

  document.addEventListener('click', function (e) {
    var m = e.target.closest('mark[data-f]');
    if (m && !m.classList.contains('off')) { openMark(m); return; }
    var go = e.target.closest('button.go');
    if (go) {
      var id = Number(go.dataset.id);
      var first = document.querySelector('mark[data-f~="' + id + '"]');
      if (first) {
        first.scrollIntoView({ block: 'center' });
        first.focus({ preventScroll: true });
      }
      show([id], go);
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) { hide(); return; }
    var m = e.target.closest && e.target.closest('mark[data-f]');
    if (m && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      openMark(m);
    }
  });

  // Score table: sort on a heading click; numbers sort by data-v, paths naturally.
  var table = document.getElementById('score-table');
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  function pathOf(row) { return row.cells[0].textContent; }
  table.tHead.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) return;
    var th = button.closest('th');
    var col = Array.prototype.indexOf.call(th.parentNode.cells, th);
    var current = th.getAttribute('aria-sort');
    var dir = current === 'ascending' ? 'descending'
      : current === 'descending' ? 'ascending'
      : (button.dataset.first === 'desc' ? 'descending' : 'ascending');
    var sign = dir === 'ascending' ? 1 : -1;
    var numeric = button.dataset.type === 'num';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var d = numeric
        ? parseFloat(a.cells[col].dataset.v) - parseFloat(b.cells[col].dataset.v)
        : collator.compare(pathOf(a), pathOf(b));
      // Equal keys keep path order whichever way the column is sorted.
      return d !== 0 ? sign * d : collator.compare(pathOf(a), pathOf(b));
    });
    body.append.apply(body, rows);
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
  });

  // Path filter for long tables.
  var pathFilter = document.getElementById('path-filter');
  var rowsShown = document.getElementById('rows-shown');
  pathFilter.addEventListener('input', function () {
    var q = pathFilter.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows;
    var n = 0;
    Array.prototype.forEach.call(rows, function (r) {
      var on = q === '' || pathOf(r).toLowerCase().indexOf(q) >= 0;
      r.hidden = !on;
      if (on) n++;
    });
    rowsShown.textContent = q === '' ? '' : n + ' of ' + rows.length + ' files';
  });
})();
