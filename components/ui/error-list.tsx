/** What the server or a check refused, one line each, announced to screen readers. */
export function ErrorList({ messages }: { messages: readonly string[] | null }) {
  if (!messages?.length) return null;
  return (
    <ul className="error" role="alert">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
