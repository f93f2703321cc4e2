// mrharmony report: synchronised NiiVue panels, one per volume embedded in the page.
// Volumes are embedded as base64 because browsers refuse fetch() from file:// pages;
// niivue/niivue.umd.js is a classic script for the same reason (no ES modules from file://).
(function () {
  'use strict';
  var status = document.getElementById('viewer-status');
  var sources = Array.prototype.slice.call(document.querySelectorAll('script.mrh-volume'));
  if (!status || sources.length === 0) {
    return;
  }
  // Blue-white-red for signed differences (ColorBrewer RdBu ends), white at zero.
  var BLUE_WHITE_RED = {
    R: [33, 255, 178], G: [102, 255, 24], B: [172, 255, 43], A: [255, 255, 255], I: [0, 128, 255]
  };

  function fail(message) {
    status.textContent = message;
    status.className = 'error';
    status.setAttribute('data-state', 'failed');
  }

  if (typeof niivue === 'undefined') {
    fail('The viewer library (niivue/niivue.umd.js) did not load: keep the report folder together.');
    return;
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    fail('This browser offers no WebGL2, which the 3D viewer needs. The figures above show the same volumes.');
    return;
  }

  var instances = [];

  function options() {
    return {
      backColor: [0, 0, 0, 1],
      crosshairColor: [1, 0.3, 0.3, 0.65],
      crosshairWidth: 1,
      isColorbar: false,
      // "all three planes" means the slices: a volume rendering tile is small and, for a
      // difference map with its white zero background, unreadable (the 3D button shows it)
      multiplanarShowRender: niivue.SHOW_RENDER.NEVER,
      dragAndDropEnabled: false,
      logLevel: 'error',
      loadingText: 'loading…'
    };
  }

  async function loadPanel(source, index) {
    var nv = new niivue.Niivue(options());
    await nv.attachTo('mrh-canvas-' + index);
    var image = await niivue.NVImage.loadFromBase64({
      base64: source.textContent.replace(/\s+/g, ''),
      name: source.getAttribute('data-name')
    });
    nv.addVolume(image);
    if (source.getAttribute('data-kind') === 'difference') {
      nv.addColormap('mrh_blue_white_red', BLUE_WHITE_RED);
      var w = Math.max(Math.abs(image.robust_min || 0), Math.abs(image.robust_max || 0)) || 1;
      image.colormap = 'mrh_blue_white_red';
      image.cal_min = -w;
      image.cal_max = w;
      nv.updateGLVolume();
    }
    nv.onLocationChange = function (location) {
      var where = document.getElementById('viewer-location');
      if (where && location && location.string) {
        where.textContent = location.string;
      }
    };
    return nv;
  }

  function setSliceType(type, button) {
    instances.forEach(function (nv) { nv.setSliceType(type); });
    Array.prototype.forEach.call(document.querySelectorAll('.viewer-controls button'), function (b) {
      b.setAttribute('aria-pressed', String(b === button));
    });
  }

  async function start() {
    for (var i = 0; i < sources.length; i++) {
      instances.push(await loadPanel(sources[i], i));
    }
    instances.forEach(function (nv) {
      nv.broadcastTo(instances.filter(function (other) { return other !== nv; }), { '2d': true, '3d': true });
    });
    var types = { axial: 0, coronal: 1, sagittal: 2, multiplanar: 3, render: 4 };
    Array.prototype.forEach.call(document.querySelectorAll('.viewer-controls button'), function (button) {
      button.addEventListener('click', function () {
        setSliceType(types[button.getAttribute('data-view')], button);
      });
    });
    var pressed = document.querySelector('.viewer-controls button[aria-pressed=true]');
    if (pressed) {
      setSliceType(types[pressed.getAttribute('data-view')], pressed);
    }
    var loaded = instances.reduce(function (n, nv) { return n + nv.volumes.length; }, 0);
    status.setAttribute('data-volumes-loaded', String(loaded));
    status.setAttribute('data-state', 'ready');
    status.textContent = 'Click or drag in any panel: the others follow. Scroll to move through slices.';
  }

  start().catch(function (error) {
    fail('The viewer could not show the volumes: ' + (error && error.message ? error.message : error));
  });
})();
