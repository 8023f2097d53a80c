// On phones the account navigation is a row of chips that scrolls sideways: bring the current page's chip into
// view, on this page and after each enhanced navigation (a module runs once per document).
function showCurrent() {
    const current = document.querySelector('.account-nav__links a[aria-current="page"]');
    const row = current?.closest('ul');
    if (!row || row.scrollWidth <= row.clientWidth) return;
    const chip = current.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    row.scrollLeft += (chip.left + chip.width / 2) - (box.left + box.width / 2);
}

showCurrent();
window.Blazor?.addEventListener?.('enhancedload', showCurrent);
