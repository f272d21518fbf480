// A QR code drawn as SVG squares from the qr library's module matrix: no canvas, no innerHTML.
import encodeQR from 'qr';
import { useMemo } from 'react';

export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const path = useMemo(() => {
    const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 2 });
    let d = '';
    modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { d, width: modules.length };
  }, [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${path.width} ${path.width}`}
      shapeRendering="crispEdges"
    >
      <rect width={path.width} height={path.width} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
