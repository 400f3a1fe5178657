/** Task pane entry: connect to Excel (or learn that we are outside it), then render. */
import { createRoot } from 'react-dom/client';
import { nationalRulebook } from '../core/index.js';
import { App } from './App.js';
import { connect } from '../office/host.js';
import { langFromDisplay } from './strings.js';

const root = createRoot(document.getElementById('root')!);
const rb = nationalRulebook();
const host = await connect();
const lang = langFromDisplay(host.kind === 'excel' ? host.displayLanguage : navigator.language);
document.documentElement.lang = lang;
root.render(<App host={host} rb={rb} initialLang={lang} />);
