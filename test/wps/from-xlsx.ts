export { fakeWpsFromExcelJS, wpsMeta, wpsStateFromExcelJS } from '../support/fake-from-xlsx.js';
