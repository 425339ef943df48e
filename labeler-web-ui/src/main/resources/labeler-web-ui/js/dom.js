// Building elements: h('button', {class: 'primary', onclick}, 'Save').
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

export function show(...children) {
  const screen = document.getElementById('screen');
  screen.replaceChildren(...children);
  screen.focus();
  return screen;
}

export function date(value) {
  return value ? new Date(value).toISOString().slice(0, 10) : '';
}
