// Fills in the personal parts of shared catalog pages (home, category, search, product).
//
// Those pages are the same HTML for every visitor, so that the output cache can answer them for everyone: the app
// bar says "Cart" and "Account", every favourite heart is off and there is no flash message. Here the browser asks
// GET /me/summary for the visitor's own cart count, name, favourites among the page's products and waiting message,
// and writes them into the page: after the first load, after every enhanced navigation or form post of blazor.web.js
// (which patches the page with the server's HTML again), and after streamed content arrives. Without JavaScript the
// page stays usable: the links and form posts work, only these personal bits are missing.
// See docs/decisions/0009-one-page-for-everyone.md.
(() => {
  'use strict';

  const summaryUrl = '/me/summary';
  let last = null;      // the newest summary, written in again whenever blazor.web.js patches the page
  let asked = new Set(); // the product ids the newest request asked about
  let sequence = 0;     // only the answer to the newest request is used
  let navigating = false; // between blazor.web.js's enhanced navigation start and end

  const shared = () => document.querySelector('[data-store-summary]') !== null;

  function productIds() {
    const ids = new Set();
    for (const input of document.querySelectorAll('form[action="/favorites/toggle"] input[name="productId"]')) ids.add(input.value);
    return ids;
  }

  async function refresh() {
    if (!shared()) return;
    const ids = productIds();
    const mine = ++sequence;
    asked = ids;
    const query = ids.size > 0 ? '?products=' + [...ids].join(',') : '';
    try {
      const response = await fetch(summaryUrl + query, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok || mine !== sequence) return;
      last = await response.json();
      apply(last);
      last.flash = null; // shown once
    } catch {
      // Offline or the store is restarting: the page keeps its plain links.
    }
  }

  function apply(summary) {
    if (!shared()) return;
    fillCart(summary.cartCount ?? 0);
    fillAccount(summary);
    fillHearts(new Set((summary.favorites ?? []).map(String)));
    if (summary.flash) showFlash(summary.flash);
  }

  function fillCart(count) {
    for (const link of document.querySelectorAll('[data-store-summary] a.store-cart')) {
      link.setAttribute('aria-label', count === 1 ? 'Cart, 1 item' : `Cart, ${count} items`);
      const badge = link.querySelector('.store-cart__count');
      if (badge) {
        badge.textContent = count > 99 ? '99+' : String(count);
        badge.hidden = count === 0;
      }
    }
  }

  function fillAccount(summary) {
    const link = document.querySelector('[data-store-account-link]');
    const menu = document.querySelector('[data-store-account-menu]');
    if (!link || !menu) return;
    if (!summary.signedIn) {
      link.href = link.dataset.signInHref || '/account/login';
      link.querySelector('.store-action__label').textContent = 'Sign in';
      link.setAttribute('aria-label', 'Sign in');
      link.hidden = false;
      menu.hidden = true;
      return;
    }
    menu.querySelector('[data-store-slot="first-name"]').textContent = summary.firstName || 'Account';
    menu.querySelector('[data-store-slot="user-name"]').textContent = summary.userName || '';
    for (const admin of menu.querySelectorAll('[data-store-admin]')) admin.hidden = !summary.isAdmin;
    const token = menu.querySelector('[data-store-antiforgery]');
    if (token && summary.antiforgery) {
      token.name = summary.antiforgery.name;
      token.value = summary.antiforgery.value;
    }
    link.hidden = true;
    menu.hidden = false;
  }

  function fillHearts(favorites) {
    for (const form of document.querySelectorAll('form[action="/favorites/toggle"]')) {
      const id = form.querySelector('input[name="productId"]')?.value;
      const heart = form.querySelector('button.heart');
      if (!id || !heart) continue;
      const on = favorites.has(id);
      heart.setAttribute('aria-pressed', on ? 'true' : 'false');
      heart.title = on ? 'Remove from favorites' : 'Save to favorites';
    }
  }

  function showFlash(flash) {
    const slot = document.querySelector('[data-store-flash]');
    if (!slot) return;
    const error = flash.kind === 'error';
    const box = document.createElement('div');
    box.className = 'flash ' + (error ? 'flash--error' : 'flash--success');
    box.setAttribute('role', error ? 'alert' : 'status');
    box.appendChild(icon(error ? 'error' : 'check-circle'));
    const text = document.createElement('span');
    text.textContent = flash.message;
    box.appendChild(text);
    if (flash.linkHref) {
      const link = document.createElement('a');
      link.href = flash.linkHref;
      link.textContent = flash.linkText;
      box.appendChild(link);
    }
    slot.replaceChildren(box);
  }

  // An icon of the sprite, at the address the page's own icons use (it is fingerprinted).
  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const sprite = document.querySelector('svg.icon use')?.getAttribute('href')?.split('#')[0] || 'icons.svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const use = document.createElementNS(ns, 'use');
    use.setAttribute('href', `${sprite}#${name}`);
    svg.appendChild(use);
    return svg;
  }

  // blazor.web.js patched the page (an enhanced navigation, a form post or streamed content): write the last summary
  // in again at once; the end of a navigation asks anew, and so do cards streamed in that the last request did not
  // ask about.
  function patched() {
    if (last) apply(last);
    if (!navigating && [...productIds()].some(id => !asked.has(id))) refresh();
  }

  refresh();
  if (window.Blazor?.addEventListener) {
    Blazor.addEventListener('enhancednavigationstart', () => { navigating = true; });
    Blazor.addEventListener('enhancedload', patched);
    Blazor.addEventListener('enhancednavigationend', () => { navigating = false; refresh(); });
  }
})();
