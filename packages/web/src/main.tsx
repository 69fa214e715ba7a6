import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(<div>达成 Attain</div>);
