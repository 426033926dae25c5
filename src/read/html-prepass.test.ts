import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepassHtml } from './html-prepass.js';

test('scripts, styles, icons and comments go before parsing; JSON-LD stays', () => {
  const html =
    '<head><style>p{color:red}</style><script type="application/ld+json">{"headline":"Talks"}</script><script>if (a < b) x("</div>")</script></head>' +
    '<body><!-- a <p>comment</p> --><p>Talks resume<svg><path d="M0"/></svg> in Geneva.</p><noscript><img src="x"></noscript></body>';
  const out = prepassHtml(html);
  assert.ok(out.includes('<script type="application/ld+json">{"headline":"Talks"}</script>'));
  assert.ok(!out.includes('color:red') && !out.includes('x("') && !out.includes('comment') && !out.includes('<path') && !out.includes('<img'));
  assert.ok(out.includes('<p>Talks resume  in Geneva.</p>'));
});
