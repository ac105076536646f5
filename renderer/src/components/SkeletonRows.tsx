/** Placeholder rows the height of real ones, so the list does not jump when entries arrive. */
export function SkeletonRows({ count = 3 }: { count?: number }) {
  return (
    <ul className="entries" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="entry skeleton">
          <div className="entry-main">
            <span className="skeleton-line wide" />
            <span className="skeleton-line" />
          </div>
          <div className="entry-side">
            <span className="skeleton-line short" />
          </div>
        </li>
      ))}
    </ul>
  );
}
