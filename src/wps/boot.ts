/**
 * boot.js, the first script of every page of the WPS 加载项 (after the embedded rulebooks): it decides whether this
 * browser — WPS's built-in Chromium — can run the add-in, and if not says so in place of a pane that would never
 * start. Built as ES5 (src/wps/build.ts; esbuild refuses anything newer here), so that any browser runs it.
 *
 * Too old: a Chromium older than the build's target (by the user agent WPS's Chromium gives, "Chrome/NN"), or a
 * browser without what no polyfill can give (BigInt, Proxy, ResizeObserver, CSS variables, the target's syntax).
 * Then it sets the flag the add-in's scripts look for (src/wps/unsupported.ts), shows the message on the page
 * (the pane, the result dialog) and gives the ribbon (the entry page) buttons that say it.
 */
/* eslint-disable no-var -- ES5: this script must run in browsers that know no let or const */

declare var __MIN_CHROMIUM__: number;
declare var __UNSUPPORTED_GLOBAL__: string;
/** The message in both languages (src/core/text/pane.ts), `{found}` left for what this browser lacks. */
declare var __TOO_OLD__: { zhTitle: string; zhBody: string; enTitle: string; enBody: string };

(function () {
  var w = window as unknown as Record<string, unknown>;
  var lacking: string[] = [];
  var chrome = /\bChrome\/(\d+)/.exec(navigator.userAgent);
  if (chrome && Number(chrome[1]) < __MIN_CHROMIUM__) lacking.push('Chromium ' + chrome[1]);
  var needed: Array<[string, boolean]> = [
    ['BigInt', typeof w.BigInt === 'function'],
    ['Proxy', typeof w.Proxy === 'function'],
    ['ResizeObserver', typeof w.ResizeObserver === 'function'],
    ['CSS variables', !!(w.CSS && typeof (w.CSS as { supports?: unknown }).supports === 'function' && (w.CSS as { supports(p: string, v: string): boolean }).supports('--a', '0'))],
  ];
  for (var i = 0; i < needed.length; i++) if (!needed[i]![1]) lacking.push(needed[i]![0]);
  try {
    // The newest syntax the build leaves in place (ES2019: async functions, object rest, catch without a binding).
    new Function('async function f(o) { const { a, ...rest } = o; try { await a; } catch { return rest; } }');
  } catch (e) {
    if (e instanceof SyntaxError) lacking.push('ES2019');
  }
  if (!lacking.length) return;

  var found = lacking.join(', ');
  var zh = { title: __TOO_OLD__.zhTitle, body: __TOO_OLD__.zhBody.replace('{found}', found) };
  var en = { title: __TOO_OLD__.enTitle, body: __TOO_OLD__.enBody.replace('{found}', found) };
  var text = zh.title + '\n' + zh.body + '\n\n' + en.title + '\n' + en.body;
  w[__UNSUPPORTED_GLOBAL__] = text;

  // The entry page: WPS calls the ribbon's functions; the buttons say why nothing opens.
  w.ribbon = {
    OnAddinLoad: function () {
      return true;
    },
    OnAction: function () {
      alert(text);
      return true;
    },
    GetImage: function (control: { Id: string }) {
      return control.Id === 'crRunCheck' ? 'icon-32.png' : 'icon-80.png';
    },
  };

  // The pane and the result dialog: the message in place of the page's first words.
  var place = document.getElementById('root') || document.getElementById('result');
  if (!place) return;
  place.textContent = '';
  var box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'too-old');
  box.style.cssText = 'margin:12px;padding:12px;border:1px solid #d13438;border-radius:4px;background:#fdf3f4;color:#242424;font:14px/1.5 sans-serif';
  var parts: Array<[string, string, string]> = [
    ['zh-CN', zh.title, zh.body],
    ['en', en.title, en.body],
  ];
  for (var j = 0; j < parts.length; j++) {
    var section = document.createElement('div');
    section.setAttribute('lang', parts[j]![0]);
    var title = document.createElement('strong');
    title.textContent = parts[j]![1];
    var body = document.createElement('p');
    body.style.margin = '4px 0 8px';
    body.textContent = parts[j]![2];
    section.appendChild(title);
    section.appendChild(body);
    box.appendChild(section);
  }
  place.appendChild(box);
})();
