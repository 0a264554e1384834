/**
 * Runs in the page (playwright's `page.evaluate`): see amountProblems in ./layout.ts.
 * Plain JavaScript, so the Node type check needs no DOM library.
 */
(() => {
  const TOLERANCE = 1;
  const problems = [];
  const viewportWidth = document.documentElement.clientWidth;
  const outside = (inner, outer) =>
    inner.left < outer.left - TOLERANCE || inner.right > outer.right + TOLERANCE;
  /** A scroll container a person can see is one: it scrolls and shows a scrollbar. */
  const visiblyScrollable = (element) => {
    const style = getComputedStyle(element);
    if (!/auto|scroll/.test(style.overflowX) || element.scrollWidth <= element.clientWidth + TOLERANCE)
      return false;
    const html = element;
    const nativeBar =
      html.offsetHeight -
        html.clientHeight -
        Number.parseFloat(style.borderTopWidth) -
        Number.parseFloat(style.borderBottomWidth) >
      0;
    if (nativeBar) return true;
    // Mantine's ScrollArea draws its own bar beside the viewport.
    const bar = element.parentElement?.querySelector(
      ':scope > .mantine-ScrollArea-scrollbar[data-orientation="horizontal"]',
    );
    if (!bar) return false;
    const barStyle = getComputedStyle(bar);
    return barStyle.display !== 'none' && barStyle.visibility !== 'hidden' && Number(barStyle.opacity) > 0;
  };
  for (const element of document.querySelectorAll('[data-amount]')) {
    const before = problems.length;
    check(element);
    // One line per amount: the first thing wrong with it.
    problems.splice(before + 1);
  }
  return problems;

  function check(element) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    if (element.closest('[aria-hidden="true"], .mantine-Tooltip-tooltip, [role="dialog"]')) return;
    const text = (element.textContent ?? '').trim();
    if (!text) return;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) {
      problems.push({ text, problem: 'has no size (hidden)' });
      return;
    }
    const range = document.createRange();
    range.selectNodeContents(element);
    const ink = range.getBoundingClientRect();
    if (
      element.scrollWidth > element.clientWidth + TOLERANCE &&
      style.display !== 'inline' &&
      element.clientWidth > 0
    )
      problems.push({
        text,
        problem: `overflows its own box (${element.scrollWidth} > ${element.clientWidth})`,
      });
    else if (outside(ink, box)) problems.push({ text, problem: 'its text overflows its own box' });
    const card = element.parentElement?.closest('[data-card], .mantine-Paper-root');
    // Inside a card, a table that visibly scrolls sideways may hold amounts past the card's edge.
    let scrollsInCard = false;
    for (let a = element.parentElement; a && card && a !== card; a = a.parentElement)
      if (visiblyScrollable(a)) scrollsInCard = true;
    if (card && !scrollsInCard && outside(ink, card.getBoundingClientRect()))
      problems.push({
        text,
        problem: `overflows its card (${Math.round(ink.right)} > ${Math.round(card.getBoundingClientRect().right)})`,
      });
    let scrollable = false;
    for (
      let ancestor = element.parentElement;
      ancestor && ancestor !== document.body;
      ancestor = ancestor.parentElement
    ) {
      const ancestorStyle = getComputedStyle(ancestor);
      const rect = ancestor.getBoundingClientRect();
      if (visiblyScrollable(ancestor)) {
        scrollable = true;
        continue;
      }
      if (/hidden|clip|auto|scroll/.test(ancestorStyle.overflowX) && !scrollable && outside(ink, rect)) {
        problems.push({
          text,
          problem: `is cut by <${ancestor.tagName.toLowerCase()} class="${ancestor.className}"> (overflow-x: ${ancestorStyle.overflowX})`,
        });
        break;
      }
    }
    if (!scrollable && (ink.left < -TOLERANCE || ink.right > viewportWidth + TOLERANCE))
      problems.push({
        text,
        problem: `lies outside the viewport (${Math.round(ink.right)} > ${viewportWidth})`,
      });
  }
})();
