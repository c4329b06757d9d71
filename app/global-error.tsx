"use client";
// The last resort, when even the root layout failed: it replaces the layout,
// so it has no translations or styles of its own and says the essentials in English.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem", maxWidth: "40rem" }}>
        <h1>The app could not be shown</h1>
        <p>
          The server could not build this page. If the database is down, the page works again as soon as it is back: try
          again in a minute. If this goes on, tell your administrator
          {error.digest ? ` and give this reference: ${error.digest}` : ""}.
        </p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </body>
    </html>
  );
}
