// The reference app's script, served from the CDN (topologies/assets, uploaded to MinIO by `scaler up`).
// It says when the page was rendered in this browser, so a reload shows which replica answered when.
document.addEventListener("DOMContentLoaded", () => {
  const note = document.createElement("p");
  note.className = "served-at";
  note.textContent = "Loaded at " + new Date().toLocaleTimeString() + ".";
  document.body.appendChild(note);
});
