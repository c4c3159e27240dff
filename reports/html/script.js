// textaudit review page: score table, file sections, filters and the finding detail panel.
// The table is rendered from data a screenful at a time, and each file's section is
// inflated from its compressed data block when it is opened or scrolled to, so a report of tens of
// thousands of files opens at once. Audited text reaches the DOM either through
// textContent or inside those sections, which html/template escaped when they were written.
// body[data-ready] is set whenever no section is being inflated (tests wait for it).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('textaudit-data').textContent);
  var kinds = data.kinds;
  var files = data.files;
  var findings = {}; // details by finding ID, added as file sections are inflated
  var categoryClass = {};
  var catClasses = [];
  var catNames = [];
  var sevNames = ['info', 'warning', 'error'];
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  boxes.forEach(function (b) {
    if (b.name === 'category') {
      categoryClass[b.value] = b.dataset.class;
      catClasses.push(b.dataset.class);
      catNames.push(b.value);
    }
  });
  var shownCategories = new Set();
  var shownSeverities = new Set();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function classOf(category) { return categoryClass[category] || 'c-other'; }

  function visible(id) {
    var k = kinds[id];
    return !!k && shownCategories.has(catNames[k[0]]) && shownSeverities.has(sevNames[k[1]]);
  }

  function idsOf(mark) { return mark.dataset.f.split(' ').map(Number); }

  // Filters: a highlight keeps the colour of its most important visible finding (the IDs in
  // data-f come most important first) and disappears when none of its findings is shown.
  function filterIn(root) {
    root.querySelectorAll('tr[data-id]').forEach(function (row) {
      row.hidden = !visible(Number(row.dataset.id));
    });
    root.querySelectorAll('mark[data-f]').forEach(function (m) {
      var ids = idsOf(m).filter(visible);
      var keep = m.className.split(' ').filter(function (c) {
        return c && c.indexOf('c-') !== 0 && c.indexOf('s-') !== 0 && c !== 'multi' && c !== 'off';
      });
      if (ids.length === 0) {
        keep.push('off');
        if (m.hasAttribute('tabindex')) m.tabIndex = -1;
      } else {
        var top = kinds[ids[0]];
        keep.push(classOf(catNames[top[0]]), 's-' + sevNames[top[1]]);
        if (ids.length > 1) keep.push('multi');
        if (m.hasAttribute('tabindex')) m.tabIndex = 0;
      }
      m.className = keep.join(' ');
    });
  }

  function applyFilters() {
    shownCategories.clear();
    shownSeverities.clear();
    boxes.forEach(function (b) {
      if (b.checked) (b.name === 'category' ? shownCategories : shownSeverities).add(b.value);
    });
    filterIn(document);
    var hidden = 0;
    for (var id = 0; id < kinds.length; id++) if (!visible(id)) hidden++;
    document.getElementById('filter-status').textContent =
      hidden === 0 ? '' : hidden + (hidden === 1 ? ' finding' : ' findings') + ' hidden by the filters';
  }
  boxes.forEach(function (b) { b.addEventListener('change', applyFilters); });

  // File sections, inserted in table order (worst first) as they are needed. Each is stored
  // gzip-compressed in base64; a placeholder holds its place while it is inflated.
  var views = document.getElementById('file-views');
  var moreFiles = document.getElementById('more-files');
  var next = 0;
  var BATCH = 20;
  var pending = 0;

  function inflate(b64) {
    var bin = atob(b64.trim());
    var bytes = new Uint8Array(bin.length);
    for (var k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }

  function ready() {
    if (pending !== 0) return;
    document.body.dataset.ready = '1';
    if (performance.getEntriesByName('textaudit-sections').length === 0) performance.mark('textaudit-sections');
  }

  // section returns a promise of file i's section, inserting it first if needed.
  function section(i) {
    var have = document.getElementById('f' + i);
    if (have) return have.loading || Promise.resolve(have);
    var holder = document.getElementById('d-f' + i);
    if (!holder) return Promise.resolve(null);
    var place = el('section', 'file pending');
    place.id = 'f' + i;
    var after = null;
    for (var c = views.firstElementChild; c; c = c.nextElementSibling) {
      if (Number(c.id.slice(1)) > i) { after = c; break; }
    }
    views.insertBefore(place, after);
    pending++;
    delete document.body.dataset.ready;
    place.loading = inflate(holder.textContent).then(function (text) {
      var packed = JSON.parse(text);
      packed.f.forEach(function (f) { findings[f.id] = f; });
      var sec = document.createRange().createContextualFragment(packed.h).firstElementChild;
      filterIn(sec);
      place.replaceWith(sec);
      pending--;
      ready();
      return sec;
    });
    return place.loading;
  }

  function loadMore() {
    var end = Math.min(files.length, next + BATCH);
    for (; next < end; next++) section(next);
    moreFiles.hidden = next >= files.length;
  }
  moreFiles.querySelector('button').addEventListener('click', loadMore);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) loadMore();
    }, { rootMargin: '600px' }).observe(moreFiles);
  }

  function openHash() {
    var m = /^#f(\d+)$/.exec(location.hash);
    if (!m) return;
    section(Number(m[1])).then(function (sec) { if (sec) sec.scrollIntoView(); });
  }
  window.addEventListener('hashchange', openHash);

  // Detail panel.
  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');
  var returnFocus = null;

  function addRow(dl, key, value, cls) {
    dl.append(el('dt', null, key), el('dd', cls, value));
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
      addRow(dl, 'file', files[f.file] ? files[f.file].p : '');
      addRow(dl, 'where', f.location);
      addRow(dl, 'category', f.category);
      (f.evidence || []).forEach(function (e) { addRow(dl, e.k, e.v, 'ev'); });
      art.append(dl);
      panelBody.append(art);
      document.querySelectorAll('mark[data-f~="' + id + '"], tr[data-id="' + id + '"]').forEach(function (e) {
        e.classList.add('sel');
      });
    });
    document.getElementById('panel-h').textContent = ids.length === 1 ? 'Finding' : ids.length + ' findings here';
    panel.hidden = false;
    // The page makes room for the panel, so it never covers the text being read.
    document.body.classList.add('panel-open');
    var mark = origin && origin.closest ? origin.closest('mark') : null;
    if (!mark && ids.length) mark = document.querySelector('mark[data-f~="' + ids[0] + '"]');
    if (mark) mark.scrollIntoView({ block: 'nearest' });
    returnFocus = origin || null;
  }

  function hide() {
    panel.hidden = true;
    document.body.classList.remove('panel-open');
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
    var link = e.target.closest('#score-table a[href^="#f"]');
    if (link) {
      e.preventDefault();
      var href = link.getAttribute('href');
      section(Number(href.slice(2))).then(function (sec) {
        if (!sec) return;
        history.pushState(null, '', href);
        sec.scrollIntoView();
      });
      return;
    }
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
      show([id], first || go);
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

  // Score table: rows from data, worst first, a screenful at a time.
  var table = document.getElementById('score-table');
  var moreRows = document.getElementById('more-rows');
  var rowsShown = document.getElementById('rows-shown');
  var pathFilter = document.getElementById('path-filter');
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var ROWS = 200;
  var limit = ROWS;
  var order = files.map(function (_, i) { return i; });

  function rowFor(i) {
    var f = files[i];
    var tr = el('tr');
    var a = el('a');
    a.href = '#' + f.a;
    var slash = Math.max(f.p.lastIndexOf('/'), f.p.lastIndexOf('\\'));
    a.append(el('span', 'dir', f.p.slice(0, slash + 1)), document.createTextNode(f.p.slice(slash + 1)));
    var path = el('td', 'path');
    path.append(a);
    var score = el('td', 'num');
    score.append(el('span', 'badge ' + f.b, f.s));
    tr.append(path, score);
    f.c.forEach(function (n, j) {
      tr.append(el('td', 'num ' + (n ? 'count ' + catClasses[j] : 'zero'), n ? String(n) : '·'));
    });
    tr.append(el('td', 'num', String(f.n)));
    var ded = el('td', 'num ded', f.d ? '−' + f.d : '·');
    ded.dataset.v = f.d;
    if (f.d) ded.title = f.w;
    tr.append(ded);
    return tr;
  }

  function renderRows() {
    var q = pathFilter.value.trim().toLowerCase();
    var list = q === '' ? order : order.filter(function (i) { return files[i].p.toLowerCase().indexOf(q) >= 0; });
    var frag = document.createDocumentFragment();
    list.slice(0, limit).forEach(function (i) { frag.append(rowFor(i)); });
    table.tBodies[0].replaceChildren(frag);
    moreRows.hidden = list.length <= limit;
    rowsShown.textContent = list.length > limit ? 'showing ' + limit + ' of ' + list.length + ' files'
      : q !== '' ? list.length + ' of ' + files.length + ' files' : '';
  }

  function keyOf(i, key) {
    var f = files[i];
    return key.charAt(0) === 'c' ? f.c[Number(key.slice(1))] : f[key];
  }

  table.tHead.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) return;
    var th = button.closest('th');
    var current = th.getAttribute('aria-sort');
    var dir = current === 'ascending' ? 'descending'
      : current === 'descending' ? 'ascending'
      : (button.dataset.first === 'desc' ? 'descending' : 'ascending');
    var sign = dir === 'ascending' ? 1 : -1;
    var key = button.dataset.key;
    order.sort(function (a, b) {
      var d = key === 'p' ? collator.compare(files[a].p, files[b].p) : keyOf(a, key) - keyOf(b, key);
      // Equal keys keep path order whichever way the column is sorted.
      return d !== 0 ? sign * d : collator.compare(files[a].p, files[b].p);
    });
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    renderRows();
  });
  moreRows.querySelector('button').addEventListener('click', function () { limit += ROWS * 5; renderRows(); });
  pathFilter.addEventListener('input', function () { limit = ROWS; renderRows(); });

  applyFilters();
  renderRows();
  loadMore();
  openHash();
  ready();
  performance.mark('textaudit-ready');
})();
