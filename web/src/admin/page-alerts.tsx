// The success and error notices the admin pages and cards show above their content. One component so
// every page keeps the same markup: success is a polite status, an error an assertive alert.
export function Alerts({ flash, problem }: { flash?: string | null; problem?: string | null }) {
  return (
    <>
      {flash && (
        <p className="alert alert--success" role="status">
          {flash}
        </p>
      )}
      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
