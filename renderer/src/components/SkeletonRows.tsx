/** Placeholder rows laid out like real ones (name and hours, task, notes), so nothing jumps when entries arrive. */
export function SkeletonRows({ count = 3 }: { count?: number }) {
  return (
    <ul className="entries" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="entry skeleton">
          <div className="entry-top">
            <span className="skeleton-line wide" />
            <span className="skeleton-line short" />
          </div>
          <span className="skeleton-line narrow" />
          <span className="skeleton-line" />
        </li>
      ))}
    </ul>
  );
}
