// Pretty-printed JSON with coloured tokens, built from text nodes (the values come from the form).

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export function renderJson(element, value) {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const span = document.createElement('span');
    if (match[1] !== undefined) {
      span.className = match[2] ? 'json-key' : 'json-string';
      span.textContent = match[1];
      nodes.push(span);
      if (match[2]) nodes.push(document.createTextNode(match[2]));
    } else {
      span.className = /^[tfn]/.test(match[0]) ? `json-${match[0] === 'null' ? 'null' : 'boolean'}` : 'json-number';
      span.textContent = match[0];
      nodes.push(span);
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  element.replaceChildren(...nodes);
  element.dataset.json = text;
}
