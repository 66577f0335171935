// Keeps the import page's progress bar current; without JavaScript the page has a refresh link instead.
const box = document.getElementById('import-progress')
if (box && box.dataset.finished !== 'true') {
  const bar = document.getElementById('progress-bar')
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (response.ok) {
        const p = await response.json()
        bar.max = p.total
        bar.value = p.processed
        if (p.finished) {
          window.location.reload()
          return
        }
      }
    } catch (e) {
      // Network hiccup: try again on the next tick.
    }
    setTimeout(poll, 1000)
  }
  setTimeout(poll, 500)
}
