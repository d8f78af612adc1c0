// Tabs (WAI-ARIA tabs pattern, automatic activation): arrow keys, Home and End move between them,
// and the URL's hash (#user, #participant, #registration) opens one directly.

export function initTabs(tablist, onSelect) {
  const tabs = Array.from(tablist.querySelectorAll('[role="tab"]'));

  const select = (tab, { focus = false, updateHash = true } = {}) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    if (updateHash) history.replaceState(null, '', `#${tab.dataset.key}`);
    onSelect(tab.dataset.key);
  };

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length], { focus: true });
  });

  const fromHash = () => tabs.find((tab) => `#${tab.dataset.key}` === location.hash);
  window.addEventListener('hashchange', () => {
    const tab = fromHash();
    if (tab) select(tab, { updateHash: false });
  });
  select(fromHash() ?? tabs[0], { updateHash: false });
  return { select: (key) => select(tabs.find((tab) => tab.dataset.key === key)) };
}
