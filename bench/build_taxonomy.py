#!/usr/bin/env python3
"""Regenerate data/taxonomy/*.tsv from ../shared/reference plus the project's own vocabulary.

The shipped TSV files are committed; this script only exists so that they can be rebuilt
(and audited) from their sources: the curated seed lists, ESCO v1.1.1 labels (URIs), O*NET 29.2
Technology Skills (commodity codes) and CIP 2020 (codes checked to exist).

usage: python bench/build_taxonomy.py [--shared ../shared] [--out data/taxonomy]

Vocabulary rows below: ``id | canonical | kind | synonyms | cased | cues``, lists split on ``;``.
``cased`` forms match case-sensitively (acronyms and tool names that are also common words);
``cues`` are word stems that assign this canonical to a free skill phrase that names no synonym.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# Extra synonyms, cased forms and cues for the curated seed skills (keyed by curated id suffix).
SEED_EXTRA = """
relationship_building | | | relationship-building;building relationships;build relationships;relationship builder;client relationships;customer relationships;client relationship management;client relationship development;networking;networking skills;rapport;build rapport;relationship development;relationship skills;relationship management skills;partnership building;professional network;professional networking;network of contacts;industry contacts;industry network;networking events;client relations;customer relations;account relationships;relationship selling;trusted advisor;trusted advisor relationships | | relationship;rapport;networking;partnership
communication | | | communication;communications;communication skills;communications skills;written and verbal communication;verbal and written communications;oral and written communication;written and oral communication;verbal communication;oral communication;written communication skills;verbal communication skills;excellent communication;strong communication;effective communication;interpersonal communication;communicator;writing skills;business writing;customer communication;client communication;customer communications;client communications | | communicat;verbal;written;oral;writing;articulate;storytelling;convey;tact$;explain
active_listening | | | listening;good listener;active listener | | listen
presentation | | | presentation;presentations;presenting;presentation skills;public speaking;presenting skills;public speaker;speaking skills | | present;speaking;speaker
interpersonal | | | interpersonal;interpersonal abilities;people skills;personable;social skills | | interpersonal;personable;people skills;interact
customer_focus | | | customer focused;client focused;customer-focused;client-focused;customer-centric;client-centric;customer centric;customer orientation;client orientation;customer obsession;customer obsessed;customer first;service oriented;service orientation;customer service oriented | | customer-focus;customer focus;client focus;customer-centric;customer orient;service orient;customer obsess
persuasion | | | persuasion;persuasive;influencing;influencing skills;influence;ability to influence;persuasive communicator;influencer;influence without authority | | persua;influenc;consensus-build;consensus build;build consensus;building consensus;drive consensus;driving consensus;gain consensus;gaining consensus;reach consensus;reaching consensus
stakeholder_mgmt | | | stakeholder management;stakeholder engagement;stakeholder relationships;managing stakeholders;executive presence;c-suite;c-level;senior stakeholders;executive relationships;multi-threading;stakeholder communication | | stakeholder;executive;c-level;c-suite;senior leader;champion;senior level manag;senior-level manag;senior level exec;senior-level exec;senior level leader;senior-level leader;senior level decision;senior-level decision
problem_solving | | | problem solving;problem-solving;problem solver;problem-solver;solve problems;troubleshooting;troubleshoot;root cause analysis;resolve problems;solution-oriented;solutions-oriented;creative solutions;debugging;problem resolution | | problem;troubleshoot;root cause;debug;solution-oriented;solutions-oriented;resolv;solve;alternative solution;find solution;creative solution;workable solution
conflict_resolution | | | conflict resolution;conflict management;de-escalation;handle escalations;handling escalations;escalation management;dispute resolution;handle complaints;complaint resolution;complaint handling;service recovery | | conflict;escalat;complaint;dispute
collaboration | | | collaboration;collaborative;collaborate;teamwork;team player;team-player;team work;team-oriented;team oriented;cross-functional;cross functional;cross-functionally;cross functionally;cross-functional teams;work with cross-functional teams;collaboration skills;teamwork skills;matrix environment;matrixed environment;work across teams;working across teams;work with others;work well with others;part of a team;team environment;collaboratively;work well in a team;work as part of a team | | collaborat;teamwork;team player;team-player;team work;team-oriented;team oriented;cross-functional;cross functional;cross- functional;team environment;matrix;teamwork;across teams;across functions;multiple functions;across departments;other departments;internal teams;diverse teams;with others;work closely;partner with;cooperat
time_management | | | time management;organizational skills;organisational skills;organization skills;organized;organised;highly organized;prioritization;prioritisation;prioritize;prioritizing;multitask;multi-task;multitasking;multi-tasking;meet deadlines;meeting deadlines;deadline-driven;manage multiple priorities;time-management;organizational;organization skills;tight deadlines;meet tight deadlines;manage competing priorities | | time manag;manage time;managing time;multiple tasks;multiple priorities;multiple projects;timelines;multitask;multi-task;multi task;deadline;juggl;competing demands;organized;organised;organizing;organising;organizational skill;organisational skill;organization skill;organisation skill;organizational abilit;self-organiz;well-organiz;priorit
self_motivation | | | self-motivated;self motivated;self-starter;self starter;work independently;works independently;independently;proactive;motivated;highly motivated;self-driven;driven;initiative;take initiative;takes initiative;bias for action;autonomous;autonomy;work autonomously;minimal supervision;self-directed;self-discipline;self-disciplined;ownership mentality;entrepreneurial;bias-to-action;bias to action;results-driven;results driven;results-oriented;results oriented;drive for results | | motivat;self-start;self start;independen;proactiv;initiative$;autonom;self-direct;self-disciplin;bias for action;bias-to-action;supervision;driven;entrepreneur;hustle;go-getter
adaptability | | | adaptability;adaptable;flexibility;flexible;fast-paced environment;fast paced environment;fast-paced;fast paced;comfortable with ambiguity;ambiguity;agility;agile mindset;resilience;resilient;dynamic environment;work under pressure;changing priorities;thrive in change;learning agility;embrace change;adapt quickly;adapt to change;fast-changing environment;changing environment;evolving environment;rapidly changing environment;ever-changing environment | | adapt;flexib;fast-paced;fast paced;ambigu;dynamic environment;changing;pressure;resilien;agility;evolving;embrace;unexpected;on the fly;adjust$;adjusts$;adjusting
attention_to_detail | | | attention to detail;attention to details;detail-oriented;detail oriented;detail orientation;accuracy;eye for detail;keen eye for detail;meticulous;thoroughness;precision;high level of accuracy;high degree of accuracy;accuracy and attention to detail | | accura;meticulous;thorough;detail$;attention to detail;eye for detail
business_acumen | | | business acumen;commercial acumen;commercial awareness;business savvy;business sense;commercially aware;business-minded;business judgment;commercial mindset | | acumen;business-minded;commercially;business savvy;business sense
leadership | | | leadership;leadership skills;team leadership;leading teams;lead teams;people management;team management;managing teams;mentoring;mentorship;coaching;mentor;coach;supervisory;supervision of staff;supervisory experience;managerial experience;leadership experience;player-coach;developing talent;talent development;staff development;team development;people leadership;team building;engineering management;staff management;sales management;sales leadership;sales team management;managing sales teams;manage sales teams;sales team leadership | | leader;leading;mentor;coach;supervis;people manag;team manag;managing team;managing a team;manage a team;manage teams;direct report;managing manager;people management experience;managerial;team development;player-coach;teach;hire and develop;manager or supervisor;engineering manag;staff manag;personnel manag;managing people;manage people;management of people;talent$;talent develop;talent manag
account_management | | | account management;account manager experience;account management experience;manage accounts;managing accounts;portfolio of accounts;book of business;client account management;customer account management;account servicing;account service;account maintenance of;client management;customer management;client portfolio;client portfolio management;account portfolio | | account manag;book of business;managing accounts;manage accounts;account servic
key_account_management | | | key account management;key accounts;managing key accounts;manage key accounts;strategic account management;strategic accounts;major account management;national account management;global account management;enterprise account management | KAM | key account;strategic account;national account;global account;major account
account_planning | | | account planning;account plans;account plan;account strategy;account strategies;strategic account planning;territory and account plans;account mapping | | account plan;account strateg
upsell_cross_sell | | | upselling;upsell;up-sell;up-selling;cross-selling;cross-sell;cross selling;cross sell;expansion revenue;account expansion;expand existing accounts;land and expand;grow existing accounts;account growth;wallet share;share of wallet;white space;whitespace;white space analysis;whitespace analysis | | upsell;up-sell;cross-sell;cross sell;expand;expansion;wallet
retention_renewals | | | customer retention;client retention;retention;renewals;renewal;reduce churn;churn reduction;customer loyalty;client loyalty;account retention;churn management;net revenue retention;gross revenue retention | NRR | retention;retain;renewal;churn;loyalty
prospecting | | | prospecting;lead generation;lead gen;cold calling;cold-calling;cold calls;cold call;cold outreach;outbound prospecting;outbound sales;hunting;hunter;generate leads;lead qualification;sales development;new logo acquisition;demand generation;pipeline generation;prospect;prospects;sales leads;cold emailing;cold email;email outreach;lead nurturing;nurture leads;appointment setting;setting appointments | | prospect;lead gen;cold call;cold-call;outbound;hunt;sourcing;sales leads;new leads;qualified leads;qualifying leads;qualify leads;inbound leads;generate leads;generating leads;convert leads;converting leads
business_development | | | business development;new business development;new business;identify new business opportunities;business development experience;new business acquisition;customer acquisition;client acquisition;partnership development;market development;net new business;net-new business;new markets;market expansion;market penetration;new market development | BD | business development;new business;acquisition;opportunit
negotiation | | | negotiation;negotiations;negotiating;negotiate;negotiator;negotiation skills;contract negotiation;contract negotiations;pricing negotiation;negotiate terms;deal negotiation;price negotiation;price negotiations;negotiate pricing | | negotia
closing | | | closing;closer;close deals;closing deals;closing skills;deal closing;close business;close sales;closing sales;drive deals to close;full-cycle sales;full cycle sales;full sales cycle;end-to-end sales cycle | | close$;closes$;closing;closer$;closed$
consultative_selling | | | consultative selling;consultative sales;consultative approach;consultative;solution selling;solutions selling;solution sales;value selling;value-based selling;needs-based selling;value proposition;value propositions;insight selling | | consultativ;solution sell;value sell;value-based;value proposition;solution sale
needs_discovery | | | needs analysis;needs assessment;needs assessments;discovery;discovery calls;discovery call;identify client needs;identify customer needs;understand customer needs;client needs;customer needs;pain points;requirements gathering | | needs analysis;needs assessment;client needs;customer needs;identify needs;discovery;pain point;assess client;assess customer
pitch_demo | | | sales presentations;sales presentation;product demonstrations;product demonstration;product demos;product demo;demos;demo;demonstrations;pitching;sales pitch;pitch;pitches;technical demos;technical demonstrations | | pitch;demo$;demos$;demoing;demonstration
pipeline_mgmt | | | pipeline management;sales pipeline;manage sales pipeline;pipeline;opportunity management;funnel management;deal management;pipeline development;build a pipeline;manage a pipeline;sales funnel;sales funnels | | pipeline;funnel
forecasting | | | sales forecasting;forecasting;forecasts;forecast;revenue forecasting;forecast accuracy;demand forecasting;budget forecasting;cash forecasting | | forecast;projection
quota | | | quota attainment;quota;quotas;exceed quota;exceeding quota;meet or exceed sales targets;sales targets;sales goals;revenue targets;revenue goals;achieve revenue goals;quota carrying;quota-carrying;track record of sales success;sales success;sales performance;exceeding targets;meeting targets;exceed goals;sales quota;sales quotas | | sales goal;revenue goal;sales success;track record;overachiev;sales performance;attainment;exceed quota;exceed sales;exceed goal;exceed target;exceed revenue;exceeding quota;exceeding sales;exceeding goal;exceeding target;exceeding revenue;exceeds quota;exceeds sales;exceed objective;exceeding objective;exceed business;exceeding business;quota$;quotas$;target$;targets$
contract_mgmt | | | contract management;contract administration;manage contracts;contract renewals;contracts;contracting;SOWs;statements of work;contract lifecycle management;contract compliance;redlines;redlining | CLM | contract$;contracts$;contracting;contractual;contract manag;contract negot
proposals | | | proposal writing;proposals;proposal;RFP responses;RFP;RFPs;RFI;RFQ;request for proposal;requests for proposal;quotes;quoting;pricing proposals;proposal development;proposal preparation | | proposal;rfp;rfq;rfi;quot
onboarding | | | client onboarding;customer onboarding;onboarding;onboard new accounts;onboard new clients;customer implementation;client implementation | | onboard
business_reviews | | | quarterly business reviews;quarterly business review;QBRs;QBR;business reviews;business review;executive business reviews;EBRs;EBR | | business review;qbr;ebr
customer_satisfaction | | | customer satisfaction;client satisfaction;NPS;net promoter score;CSAT;customer happiness;customer delight | | satisfaction;nps;csat
follow_up | | | follow up;follow-up;follow through;follow-through;customer follow-up;follow up with clients;account maintenance;client check-ins | | follow up;follow-up;followup;follow through;follow-through
territory_mgmt | | | territory management;territory planning;manage a territory;territory;territories;territory development;regional accounts | | territor
channel_mgmt | | | channel sales;channel management;channel partners;partner management;reseller management;resellers;distributor relationships;distributor management;distribution partners;partner channel;alliances;partner ecosystem;indirect sales;distribution channels;channel strategy | | channel;reseller;distributor;alliance;partner manag;partner relation;partner program;partner ecosystem;partner network;partner sales;partner enablement;partner recruit
methodology | | | MEDDIC;MEDDPICC;MEDDICC;Challenger Sale;Challenger selling;SPIN Selling;Sandler selling;Sandler;Miller Heiman;Strategic Selling;Command of the Message;sales methodology;sales methodologies;Value Selling Framework | | meddic;challenger;sandler;miller heiman;spin selling;sales methodolog;selling methodolog
sales_reporting | | | sales reporting;sales reports;prepare sales reports;KPI reporting;reporting;reports;dashboards;dashboard;KPI tracking;client reporting;performance reporting | | report;dashboard;kpi
data_analysis | | | data analysis;data analytics;analytics;analytical skills;analytical;analytic;analysis;analytical thinking;analytical mindset;data-driven;data driven;quantitative skills;quantitative;statistical analysis;data interpretation;interpret data;analyze data;analyzing data;data visualization;big data | | analy;data-driven;data driven;quantitative;statistic;insight;metrics;numbers;numerical
sales_analysis | | | sales analysis;sales analytics;analyze sales trends;sales data;sales performance analysis;account health metrics;sales metrics;sales trends | | sales data;sales trend;sales analy;sales metric
market_research | | | market research;competitive analysis;competitive intelligence;market intelligence;market analysis;industry trends;market trends;competitor analysis;industry knowledge;market knowledge;competitive landscape;customer insights;consumer behavior;consumer behaviour;consumer trends;buying trends;consumer insights | | market research;market trend;industry trend;market intel;market analy;market knowledge;industry knowledge;competitor;competitive analys;competitive intel;competitive landscape;competitive research;competition$
pricing | | | pricing strategy;pricing strategies;pricing;margin management;discount management;pricing models;pricing analysis;deal pricing | | pricing;margin;discount
financial_acumen | | | financial acumen;financial analysis;P&L management;P&L;profit and loss;budget management;budgeting;budgets;budget planning;revenue management;financial literacy;financial modeling;financial modelling;financial planning;variance analysis;cost management;cost control;ROI;return on investment;financial statements;financial reporting;unit economics | | financ;budget;p&l;profit;cost;roi;revenue management;variance;fiscal
strategic_planning | | | strategic planning;strategic thinking;strategic thinker;strategic mindset;strategy;strategic;business planning;go-to-market planning;go-to-market strategy;go-to-market;GTM strategy;strategy development;business strategy;commercial strategy;strategic vision;long-term planning | GTM | strateg;go-to-market;business plan;vision
project_mgmt | | | project management;project manager;manage multiple projects;managing multiple projects;project coordination;program management;programme management;project planning;project management skills;project execution;program execution;manage projects;managing projects;project delivery;project management tools;project management software | | program manag;program execution;project manag;project plan;project coordinat;project deliver;project execut;project lead;manage projects;managing projects;manage multiple projects;managing multiple projects;lead projects;leading projects;deliver projects;delivering projects;run projects;running projects;projects on time;project scope;project timeline;project budget;project$;programme$;programmes$;programme manag
crm_generic | | | CRM;CRM systems;CRM system;CRM software;CRM tools;CRM tool;CRM platforms;CRM platform;CRM database;customer relationship management software;customer relationship management systems;customer relationship management tools;customer relationship management platforms;customer relationship management;customer relationship management (CRM);CRM applications;contact management software;contact management system;contact management systems;sales force automation;sales force automation software | SFA | crm
salesforce | | | Salesforce;Salesforce.com;SFDC;Salesforce Sales Cloud;Sales Cloud;Service Cloud;Salesforce CRM;Salesforce Service Cloud;Salesforce Marketing Cloud;Salesforce administration | | salesforce;sfdc
hubspot | | | HubSpot;HubSpot CRM;HubSpot Sales Hub;HubSpot Marketing Hub | | hubspot
ms_dynamics | | | Microsoft Dynamics;Dynamics 365;Dynamics CRM;MS Dynamics;Microsoft Dynamics 365;Microsoft Dynamics CRM;D365 | | dynamics
excel | | | Excel;MS Excel;Microsoft Excel;advanced Excel;Excel skills;pivot tables;pivot table;pivottables;VLOOKUP;VLOOKUPs;v-lookup;v-lookups;xlookup;HLOOKUP;Excel macros;macros;spreadsheets;spreadsheet;spreadsheet software;Excel formulas;advanced formulas | Excel;EXCEL | spreadsheet;vlookup;v-lookup;pivot$;pivots$;pivot table;pivottable;macro$;macros$
ms_office | | | Microsoft Office;MS Office;Office 365;O365;Microsoft 365;M365;Microsoft Office Suite;MS Office Suite;Office Suite;Microsoft Word;MS Word;MSWord;Microsoft Outlook;MS Outlook;Outlook;Microsoft Suite;Microsoft applications;Microsoft Office applications;Microsoft Office programs;Microsoft products;MS Office applications;Microsoft Access;MS Access;Microsoft OneNote;SharePoint;Microsoft SharePoint;Microsoft Project;MS Project;Microsoft Visio;Visio;Microsoft Publisher;MS Publisher | Word;Outlook | microsoft;ms office;office suite;ms word;msword;sharepoint;office 365;office system;office software;office application;office program;office product;office tool
powerpoint | | | PowerPoint;MS PowerPoint;Microsoft PowerPoint;PowerPoint presentations;slide decks;slide deck;presentation software;Keynote;pitch decks | Keynote | powerpoint;slide;deck$;decks$
google_workspace | | | Google Workspace;G Suite;GSuite;G-Suite;Google Suite;Google Sheets;Google Slides;Google Docs;Google Drive;Google Apps;Gmail;Google Calendar | | google sheet;google slide;google doc;g suite;g-suite;gsuite;google workspace;google suite;google apps
bi_dashboards | | | Tableau;Power BI;PowerBI;Microsoft Power BI;Looker;Looker Studio;Google Data Studio;Qlik;QlikView;Qlik Sense;MicroStrategy;Domo;Sisense;Cognos;IBM Cognos;business intelligence tools;business intelligence;BI tools;BI tool;dashboarding tools;data visualization tools;reporting tools;ThoughtSpot;Alteryx;reporting tool;reporting software;BI software;BI platform;BI platforms;business intelligence software;business intelligence platforms;data visualization software;Crystal Reports;SAP Crystal Reports;BusinessObjects;SAP BusinessObjects;Business Objects;OBIEE;Oracle BI | | tableau;power bi;powerbi;looker;qlik;microstrategy;business intelligence;bi tool;dashboarding;reporting tool;reporting software;bi platform;bi software
sales_engagement | | | LinkedIn Sales Navigator;Sales Navigator;Salesloft;SalesLoft;ZoomInfo;Outreach.io;Apollo.io;Gong.io;Chorus.ai;Seismic;Highspot;Clari;Groove;sales engagement platforms;sales engagement tools;sales tools;sales technology;sales tech stack;Vidyard;Lusha;Cognism;Seamless.AI | Outreach;Gong;Apollo;Seismic;Groove | sales navigator;salesloft;zoominfo;sales tool;sales engagement;sales tech
erp | | | ERP systems;ERP system;ERP;ERP software;enterprise resource planning;Oracle NetSuite;NetSuite;SAP S/4HANA;SAP ERP;Oracle ERP;Oracle E-Business Suite;Oracle E-Business;Oracle EBS;JD Edwards;PeopleSoft;Oracle PeopleSoft;Epicor;Infor;Sage Intacct;Deltek;Deltek Costpoint;Costpoint;Microsoft Dynamics GP;Microsoft Dynamics NAV;Acumatica;Syspro | SAP;Oracle | erp;netsuite;oracle;peoplesoft;deltek;jd edwards;epicor;sap$
cs_platforms | | | Gainsight;Totango;ChurnZero;customer success platforms;customer success platform;Vitally;Catalyst | Catalyst;Vitally | gainsight;totango;churnzero
video_conf | | | Zoom;Microsoft Teams;MS Teams;Webex;Cisco Webex;WebEx;GoToMeeting;Google Meet;virtual meetings;video conferencing;videoconferencing;Skype;Skype for Business;Slack;BlueJeans | Zoom;Slack | zoom;webex;gotomeeting;google meet;video conferenc;virtual meeting;skype;slack
cpq_esign | | | CPQ;Salesforce CPQ;configure price quote;configure, price, quote;DocuSign;Docusign;Adobe Sign;PandaDoc;e-signature;electronic signature;quote-to-cash;quote to cash;Conga;Apttus;DealHub | | cpq;docusign;pandadoc;quote-to-cash;quote to cash;e-signature;conga;apttus
product_knowledge | | | product knowledge;product expertise;product understanding;product training;technical product knowledge;knowledge of products and services;product comprehension;product portfolio;product line;product lines | | product knowledge;product expert;product understanding;products;product portfolio;product line
b2b_sales | | | B2B sales;B2B;business-to-business;business to business;B2B selling;enterprise sales;mid-market sales;midmarket sales;corporate sales;commercial sales;outside sales;field sales;inside sales;direct sales;B2B experience | | b2b;business-to-business;enterprise sales;mid-market;outside sales;field sales;inside sales;direct sales;corporate sales
saas | | | SaaS;SaaS sales;software sales;B2B SaaS;enterprise software;software as a service;cloud software;cloud sales;cloud solutions;technology sales;tech sales;IT sales;selling software;software industry;SaaS industry;SaaS products | | saas;software sale;software industry;cloud sale;tech sale;technology sale;selling software;enterprise software;software as a service;cloud service
advertising_media | | | media sales;ad sales;advertising sales;digital advertising;programmatic;programmatic advertising;advertising;advertising industry;media buying;media planning;ad tech;adtech;advertising agency;digital media;paid media;advertising campaigns;media industry;print advertising;broadcast media;ad strategy;advertising strategy;advertising strategies;media strategy;media strategies | | advertis;programmatic;ad tech;adtech;ad sales;media$
digital_marketing | | | digital marketing;marketing campaigns;SEO/SEM;SEO;SEM;search engine optimization;search engine marketing;marketing strategy;marketing strategies;social media marketing;email marketing;content marketing;performance marketing;paid search;PPC;pay-per-click;marketing automation;inbound marketing;growth marketing;marketing;online marketing;direct marketing;marketing concepts;brand management;branding;social media;account-based marketing;ABM | | marketing;seo;social media;ppc;paid search;brand;sem$
customer_service | | | customer service;client service;client services;customer support;client support;customer care;customer service skills;customer service experience;call center;call centre;contact center;help desk;helpdesk;service desk;customer experience;client experience;CX | | customer service;client service;customer support;client support;customer care;call cent;contact cent;help desk;helpdesk;customer experience;client experience;support experience
industry_vertical | | | healthcare;health care;healthcare industry;pharmaceutical;pharmaceuticals;pharmaceutical industry;pharma;biotech;biotechnology;life sciences industry;medical device;medical devices;medical device industry;financial services;banking;insurance;insurance industry;logistics;transportation and logistics;supply chain industry;manufacturing;manufacturing industry;retail;retail industry;ecommerce;e-commerce;energy;energy industry;utilities;oil and gas;telecommunications;telecom;automotive;automotive industry;construction;construction industry;real estate;hospitality;hospitality industry;food and beverage;CPG;consumer packaged goods;consumer goods;consumer products;FMCG;fintech;government;public sector;federal government;defense;defense industry;aerospace;education;higher education;K-12;non-profit;nonprofit;not-for-profit;managed care;health insurance;payer;payers;hospitals;clinical;legal industry;staffing;staffing industry;recruiting industry;IT industry;technology industry;information technology industry;agriculture;chemicals;chemical industry;semiconductor;semiconductors;electronics;consumer electronics;industrial;distribution;wholesale;packaging;pulp and paper;HVAC;facilities management;data center;data centers;travel industry;media and entertainment;gaming;sports;mining;professional services;consulting industry;wealth management;asset management;capital markets;mortgage;lending;credit unions;payments;cybersecurity industry;life insurance;property and casualty;employee benefits;HR outsourcing;PEO;restaurant;restaurants;foodservice;food service;grocery;pharmacy industry;dental;veterinary;laboratory;diagnostics;forestry;timber;lumber;wood products;maritime;waterways;inland waterways;aviation;airline industry;railroad;railroads;trucking;freight;transportation industry;mortgages;restaurant operations;hotel operations;building products industry;building materials | | industry;sector;forestry;timber;lumber;maritime;waterway;aviation;railroad;trucking;freight;ecommerce;e-commerce;healthcare;health care;biotech;medical device;financial services;banking;insurance;manufactur;retail;energy;utilit;telecom;automotive;construction;real estate;hospitality;fintech;government;defense;aerospace;non-profit;nonprofit;managed care;hospital;bank$;banks$;pharma$;pharmas$;pharmaceutical
languages | | | bilingual;multilingual;fluent in Spanish;Spanish;French;German;Mandarin;Chinese;Japanese;Korean;Portuguese;Italian;Arabic;Hindi;Russian;Dutch;Vietnamese;Tagalog;Cantonese;foreign language;second language;language skills;fluency in English;fluent English;English proficiency | | bilingual;multilingual;fluent in;fluency in;spanish;french;german;mandarin;foreign language;second language;language skills
travel_driving | | | willingness to travel;willing to travel;ability to travel;able to travel;travel required;overnight travel;domestic travel;international travel;travel;reliable transportation;reliable vehicle;own transportation;valid driver's license;valid drivers license;clean driving record;driving record;business travel | | travel;transportation;driving record;vehicle;commut;driver's;driver’s;drivers licen;drivers' licen;driver licen;driving licen
"""

# Skills beyond the seed lists: general tools, technical, domain and soft skills that
# postings for account managers and the roles mixed in with them ask for. Umbrella phrases that
# name a kind of skill, not one ("technical skills", "technical expertise", "IT skills"), are no
# forms or cues of technical aptitude: a reader labels the specific skills they introduce.
EXTRA_SKILLS = """
sales.sales_strategy | sales strategy | hard | sales strategy;sales strategies;sales planning;sales plan;sales plans | | sales strateg;sales plan
sales.sales_operations | sales operations | hard | sales operations;sales ops;revenue operations;RevOps;sales process;sales processes;sales cycle;sales cycles;sales playbook;sales playbooks | | sales operation;revenue operation;revops;sales process;sales cycle
sales.sales_enablement | sales enablement | hard | sales enablement;sales training;sales coaching;enablement | | enablement;sales training;sales coaching
sales.customer_success | customer success | hard | customer success;client success;customer success management;customer adoption;product adoption;customer health;account health;health scores;health score | | customer success;client success;adoption
sales.objection_handling | objection handling | hard | objection handling;handling objections;overcome objections;overcoming objections | | objection
sales.social_selling | social selling | hard | social selling;LinkedIn prospecting;selling on LinkedIn | | social selling
sales.deal_structuring | deal structuring | hard | deal structuring;deal structure;structuring deals;complex deals;complex sales;complex sales cycles;enterprise deals | | deal struct;complex deal;complex sale
sales.revenue_growth | revenue growth | hard | revenue growth;revenue generation;grow revenue;drive revenue;top-line growth;sales growth;business growth | | revenue growth;revenue generation;grow revenue;drive revenue;sales growth
sales.selling | sales experience | hard | sales experience;sales skills;sales ability;sales background;salesmanship;selling skills;sales role;sales roles;sales career;sales techniques;selling techniques;sales tactics;sales acumen | | sales experience;selling experience;salesman
sales.telesales | telesales | hard | telesales;telemarketing;phone sales;inside sales calls;outbound calls;inbound calls;high call volume | | telesales;telemarketing;phone sales;call volume
sales.retail_sales | retail sales | hard | retail sales;in-store sales;store sales;visual merchandising;merchandising | | retail sales;merchandis
sales.solution_engineering | pre-sales and solution engineering | hard | pre-sales;presales;sales engineering;solution engineering;solutions engineering;solution architecture;solutions architecture;technical sales;proof of concept;POC;proofs of concept | | pre-sales;presales;sales engineer;solution engineer;solutions engineer;technical sale;proof of concept
sales.vendor_management | vendor management | hard | vendor management;supplier management;vendor relations;supplier relationships;vendor relationships;third-party management | | vendor;supplier;contractor
sales.procurement | procurement and purchasing | hard | procurement;purchasing;sourcing strategy;strategic sourcing;category management;buying | | procure;purchas;sourcing strateg;category manag
sales.event_planning | event planning | hard | event planning;event management;events;trade shows;tradeshows;conferences;event coordination | | event$;events$;event plan;event manag;event coordinat;trade show;tradeshow
sales.fundraising | fundraising | hard | fundraising;fund raising;donor relations;donor cultivation;major gifts;development and fundraising;sponsorships;sponsorship sales;grant writing | | fundrais;donor;sponsorship;grant writ
sales.account_based | account-based selling | hard | account-based selling;account based selling;named accounts;target account selling | | account-based;account based
sales.customer_education | customer training | hard | customer training;client training;user training;end-user training;training delivery;facilitation;workshop facilitation | | customer training;client training;facilitat;workshop
sales.community | community engagement | soft | community engagement;community outreach;community relations;public relations;media relations;press releases;press release | | community;public relation;media relation
sales.customer_journey | customer journey mapping | hard | customer journey;customer journey mapping;user journey;customer lifecycle | | journey;customer lifecycle
sales.ecommerce_platforms | e-commerce platforms | family:tool | Shopify;Magento=Adobe Commerce;BigCommerce;WooCommerce;Amazon Seller Central=Seller Central;Amazon Vendor Central=Vendor Central |  | 
sales.pipedrive | other CRM tools | family:tool | Pipedrive;Zoho CRM=Zoho;SugarCRM=Sugar CRM;Insightly;Copper CRM;Freshsales;Close.io;Veeva CRM=Veeva |  | 
soft.critical_thinking | critical thinking | soft | critical thinking;critical thinker;critical-thinking;logical thinking;reasoning;sound judgment;good judgment;judgement;judgment;think critically;thinking critically | | critical think;critical thinker;logical;reasoning;judgment;judgement
soft.decision_making | decision making | soft | decision making;decision-making;decisiveness;decisive;make decisions;sound decisions | | decision
soft.creativity | creativity | family:soft | creativity=creative=creative thinking=out of the box thinking=outside-the-box thinking=outside the box thinking=think outside the box=thinking outside the box=think outside of the box=ideation=brainstorming;innovation=innovative=innovative thinking |  | 
soft.integrity | integrity and ethics | family:soft | integrity=honesty=trustworthy=trustworthiness=ethics=ethical=ethical standards;discretion=confidentiality=handle confidential information=sensitive information |  | 
soft.work_ethic | work ethic | family:soft | work ethic=strong work ethic=hard working=hard-working=hardworking=dedication=diligent=diligence;reliability=reliable=dependable=dependability;punctuality=punctual;tenacity=tenacious=persistence=persistent=perseverance=grit;sense of urgency |  | 
soft.accountability | accountability and ownership | soft | accountability;accountable;ownership;take ownership;sense of ownership;results-oriented;results oriented;results-driven;results driven;goal-oriented;goal oriented;outcome-oriented;execution;get things done | | accountab;ownership;results-oriented;results oriented;results-driven;results driven;goal-oriented;goal oriented;outcome-orient;outcome orient;outcomes-orient;outcome-driven;outcome driven
soft.emotional_intelligence | emotional intelligence | family:soft | emotional intelligence=EQ=self-awareness;empathy=empathetic=compassion=compassionate;cultural awareness=cultural sensitivity=cultural competence;tact=tactful=diplomacy=diplomatic |  | 
soft.learning | learning agility and curiosity | family:soft | curiosity=curious=intellectual curiosity;eagerness to learn=willingness to learn=desire to learn=continuous learning=quick learner=fast learner=learn quickly=learning agility;coachability=coachable=open to feedback=receptive to feedback;growth mindset |  | 
soft.positive_attitude | positive attitude | family:soft | positive attitude=positive=optimism=optimistic=upbeat=can-do attitude;enthusiasm=enthusiastic=energetic=high energy=high-energy=passion=passionate;outgoing=friendly=outgoing personality;charisma=charismatic;confidence=confident=self-confidence;competitive=competitive drive=competitive spirit;humility=humble;sense of humor;professionalism=professional demeanor=professional appearance=poise=composure;patience;courteous=polite=respectful |  | 
soft.multicultural | working in diverse environments | soft | diversity;inclusion;diversity and inclusion;DEI;diverse environment;multicultural;cross-cultural;global teams;remote teams;distributed teams;virtual teams | | inclusi;multicultur;cross-cultural;distributed team;virtual team;remote team;global team;diversity;diverse environment;diverse workforce;diverse background;diverse culture;diverse perspective
soft.thought_leadership | thought leadership | soft | thought leadership;thought leader;industry thought leadership;industry thought leader | | thought leader
soft.business_analysis | business analysis | hard | business analysis;business requirements;requirements analysis;business requirements analysis;requirements gathering and analysis;gap analysis;business process analysis | | business analy;business requirement;requirements analy;gap analy
sales.customer_segmentation | customer segmentation | knowledge | customer segmentation;market segmentation;customer segments;market segments;segmentation analysis | | segmentation
sales.sales_promotion | sales promotion | hard | sales promotion;sales promotions;trade promotion;trade promotions;promotional campaigns;promotional planning | | sales promotion;trade promotion;promotional
soft.business_case | business case development | hard | business case development;build business cases;building business cases;business case analysis | | business case
soft.customer_advocacy | customer advocacy | soft | customer advocacy;client advocacy;voice of the customer;customer advocate;client advocate | | advoca;voice of the customer
soft.continuous_improvement | continuous improvement | hard | continuous improvement;process improvement;process improvements;operational excellence;kaizen;Lean;Lean Six Sigma;Six Sigma;process optimization;process optimisation;business process improvement;workflow optimization | | continuous improvement;process improvement;improv;lean;six sigma;optimiz;optimis;efficienc;kaizen
soft.change_management | change management | hard | change management;organizational change;change leadership;transformation;digital transformation;change initiatives | | change manag;transformation;organizational change
soft.training_development | training and development | hard | training and development;learning and development;L&D;instructional design;curriculum development;e-learning;teaching;tutoring | | training and development;learning and development;instructional;curriculum;teach;tutor
soft.research | research skills | hard | research;research skills;researching;qualitative research;quantitative research;user research;literature review;research methods;research methodology | | research
soft.writing | writing and editing | family:hard | editing=copy editing=proofreading;copywriting;technical writing;content writing=content creation;report writing=written reports;grammar;documentation;storytelling |  | 
soft.operations_mgmt | operations management | hard | operations management;operations;operational management;business operations;operational planning;day-to-day operations;office management;office administration | | operations management;business operations;operational management;office manag;office admin
soft.process_mgmt | process management | hard | process management;process mapping;process design;process documentation;standard operating procedures;SOPs;SOP;workflow management;workflows;business process management;BPM | | process map;process design;process documentation;workflow;sop$;sops$
soft.policy_compliance | regulatory compliance | family:hard | regulatory compliance=compliance=regulations=regulatory requirements;regulatory affairs=regulatory submissions;policy development;audit=auditing=internal audit;internal controls;risk management=risk assessment=risk mitigation;governance;SOX=Sarbanes-Oxley;GDPR;HIPAA;FDA regulations;GxP;GMP=good manufacturing practice;GCP=good clinical practice;quality assurance=QA;quality control=QC;quality management=quality management system=quality management systems=QMS;CAPA=CAPAs=corrective and preventive action=corrective and preventive actions;document control;batch records=batch record review;technology transfer=tech transfer;ISO standards |  | 
soft.legal | legal and contract law | hard | contract law;legal;legal research;litigation;paralegal;legal documents;intellectual property;licensing;employment law;corporate law | | legal;law;litigation;paralegal;intellectual property;licensing agreement
soft.hr | human resources | family:hard | human resources=HR;recruiting=recruitment=talent acquisition=sourcing candidates;hiring=interviewing;employee relations=labor relations;benefits administration=compensation and benefits;HRIS;performance management;workforce planning |  | 
soft.accounting | accounting and bookkeeping | family:hard | accounting;bookkeeping;accounts payable=AP;accounts receivable=AR;general ledger=GL;reconciliations=reconciliation=account reconciliation=bank reconciliations;month-end close=month end close=year-end close=financial close;journal entries;GAAP=US GAAP;IFRS;tax=tax preparation;billing=invoicing;collections;payroll=payroll processing;cost accounting;revenue recognition;accruals;fixed assets;auditing standards |  | 
soft.finance_markets | investments and financial markets | family:hard | investments=investment management;portfolio management;financial markets=capital markets;securities;equities;fixed income;derivatives;trading;valuation;underwriting;credit analysis=credit risk;lending=loan origination;treasury=cash management;M&A=mergers and acquisitions;due diligence;private equity;venture capital;wealth management;corporate finance;FP&A=financial planning and analysis |  | 
soft.supply_chain | supply chain and logistics management | family:hard | supply chain management=supply chain;logistics management;inventory management=inventory control;demand planning;warehousing=warehouse management;shipping and receiving;distribution management;order management=order processing=order entry;fulfillment;import/export;freight;transportation management;materials management;production planning;S&OP=sales and operations planning |  | 
soft.customer_data | data entry and administration | family:hard | data entry;data management;database management;records management=record keeping=recordkeeping=filing;administrative support=administrative=clerical;scheduling=calendar management;typing=10-key;phone etiquette=answering phones=multi-line phone;office equipment |  | 
soft.product_mgmt | product management | family:hard | product management=product manager;product development;product roadmap=roadmaps;product strategy;product lifecycle=product lifecycle management;product launches=product launch;product marketing;user experience=UX=UX design;user interface=UI;A/B testing=A/B tests;user research;product requirements=PRDs;wireframing=wireframes=prototyping |  | 
soft.agile | agile and scrum | family:hard | Agile=Agile methodologies=Agile methodology=agile development;Scrum;Kanban;SAFe=Scaled Agile;sprint planning;retrospectives=sprint retrospectives;Waterfall;Lean software development;Extreme Programming=^XP |  | 
soft.pm_tools | project management tools | family:tool | Jira=JIRA=Atlassian Jira;^Confluence=Atlassian Confluence;Atlassian=Atlassian suite;Asana;Trello;Smartsheet;Monday.com;Basecamp;Wrike;ClickUp;^Notion;Airtable;project management tools=project management software;Primavera=Primavera P6 |  | 
tech.sql | SQL | family:tool | SQL=Structured Query Language=T-SQL=PL/SQL=SQL queries;MySQL;PostgreSQL=Postgres;SQL Server=Microsoft SQL Server;Oracle Database;NoSQL;MongoDB;databases=relational databases=database technologies;^Snowflake;BigQuery;Redshift;Databricks;data warehousing=data warehouse=data warehouses;ETL=ELT=data pipelines;data modeling=data modelling=database design |  | 
tech.programming | programming languages | family:tool | Python;Java;JavaScript;TypeScript;C++;C#;.NET;Golang=^Go;^Ruby;PHP;Scala;Kotlin;Perl;VBA=Visual Basic;programming=coding=software development=scripting;HTML=HTML/CSS;CSS;^React=React.js;^Angular;Vue=Vue.js;Node.js=NodeJS=^Node;Express.js=^Express;Django;^Flask;^Spring=Spring Boot;Ruby on Rails;object-oriented programming=^OOP;software design patterns=design patterns=programming design patterns;software architecture=application architecture=software architectures;full stack=full-stack;front-end=frontend;back-end=backend;web development;mobile development;iOS;Android;APIs=API=REST=RESTful APIs=REST APIs=web services;GraphQL;microservices;SDKs;JSON;XML;content management systems=content management system=WordPress=Drupal |  | 
tech.cloud | cloud platforms | family:tool | AWS=Amazon Web Services;Azure=Microsoft Azure;GCP=Google Cloud=Google Cloud Platform;cloud computing=cloud=cloud infrastructure=cloud infrastructures=cloud technologies=cloud platforms=cloud services=cloud architecture;hybrid cloud=multi-cloud;IaaS;PaaS;serverless;virtualization;VMware |  | 
tech.devops | DevOps and infrastructure | family:tool | DevOps;CI/CD=continuous integration=continuous delivery=continuous deployment;Docker;Kubernetes=K8s;Terraform=infrastructure as code;Ansible;^Jenkins;Git=version control=source control=revision control;GitHub;GitLab;Bitbucket;Linux;Unix;Windows Server;shell scripting=shell scripts=^Bash;PowerShell;site reliability engineering=SRE;observability=application monitoring=performance monitoring=system monitoring;TCP/IP=networking protocols;computer networking=networking services=networking technology=networking technologies=network engineering=network services=routing and switching;DNS;load balancing;firewalls;system administration=systems administration=systems management;backup and recovery=disaster recovery;mobile device management;network administration;configuration management=software configuration management;Active Directory;IT infrastructure;IT support=technical support=desktop support;hardware;operating systems=Microsoft Windows=macOS=Mac OS;TDD=test-driven development;unit testing;test automation=automated testing;software testing=QA testing=manual testing=test scripts;software quality;code review=code reviews;system design;distributed systems;scalability |  | 
tech.security | cybersecurity | family:hard | cybersecurity=cyber security=information security=InfoSec;network security;database security;application security;cloud security;identity and access management=IAM;SIEM;penetration testing;vulnerability management;incident response;threat intelligence;zero trust;endpoint security;encryption;data privacy=privacy;SOC 2 compliance;NIST=security frameworks |  | 
tech.data_science | data science and machine learning | family:hard | data science;machine learning=ML;artificial intelligence=AI;deep learning;NLP=natural language processing;computer vision;predictive modeling=predictive analytics;statistics=statistical modeling=statistical methods;regression;data mining;generative AI=GenAI;large language models=LLMs=LLM;pandas;NumPy;SciPy;scikit-learn;TensorFlow;PyTorch;^Spark=Apache Spark;Hadoop;Kafka;^Airflow=Apache Airflow;^dbt;Jupyter;SAS;SPSS;Stata;MATLAB;econometrics;data engineering;big data technologies |  | 
tech.web_analytics | web and marketing analytics | family:tool | Google Analytics=GA4;Adobe Analytics;Google Tag Manager;Mixpanel;^Amplitude;Hotjar;web analytics=digital analytics;marketing analytics;attribution;conversion rate optimization=CRO |  | 
tech.martech | marketing automation platforms | family:tool | Marketo=Adobe Marketo;Pardot=Salesforce Pardot;Eloqua=Oracle Eloqua;Mailchimp;Constant Contact;Klaviyo;^Braze;^Iterable;ActiveCampaign;Sprout Social;Hootsuite;marketing automation platforms=email marketing platforms;Google Ads=Google AdWords=AdWords;Facebook Ads=Meta Ads=Meta Business Suite;LinkedIn Ads;Amazon Ads;The Trade Desk;DV360=Display & Video 360;Google Ad Manager=DoubleClick;Campaign Manager 360;SEMrush;Ahrefs |  | 
tech.design_tools | design tools | family:tool | Adobe Creative Suite=Adobe Creative Cloud;Adobe Photoshop=Photoshop;Adobe Illustrator=^Illustrator;Adobe InDesign=InDesign;Adobe Premiere Pro=Premiere Pro;Adobe After Effects=After Effects;Adobe Acrobat=Acrobat;Adobe XD;Figma;Canva;Lightroom;graphic design=visual design;video editing;photography |  | 
tech.cad | CAD and engineering software | family:tool | AutoCAD;CAD;Revit;SolidWorks;CATIA;Autodesk;MicroStation;Civil 3D;BIM=Building Information Modeling;ArcGIS=GIS;ANSYS;LabVIEW;PLC programming=PLC;SCADA;Bluebeam;SketchUp |  | 
tech.accounting_software | accounting software | family:tool | QuickBooks=QuickBooks Online;Xero;^Sage=Sage 50=Sage Intacct;FreshBooks;Bill.com;Expensify;^Concur=SAP Concur;BlackLine;Hyperion=Oracle Hyperion;Adaptive Insights;Anaplan;Workiva;Kyriba;ADP=ADP Workforce Now;Paychex;^Gusto;accounting software |  | 
tech.hr_systems | HR and ITSM platforms | family:tool | ^Workday=Workday HCM;SuccessFactors=SAP SuccessFactors;UKG=Kronos;BambooHR;iCIMS;Taleo;Dayforce=Ceridian Dayforce;ServiceNow;Zendesk;Freshdesk;^Intercom;ticketing systems=ticketing system=help desk software;applicant tracking systems=ATS |  | 
tech.health_it | health IT and clinical systems | family:hard | EHR=EMR=electronic health records=electronic medical records;Epic Systems=^Epic;Cerner;Meditech;athenahealth;eClinicalWorks;medical terminology;ICD-10=CPT coding=medical coding;medical billing;HL7=FHIR;health information management;revenue cycle management=RCM;claims processing;prior authorization;utilization review=utilization management;interoperability;care coordination=case management;patient care;clinical trials=clinical research;pharmacovigilance=drug safety;drug development;medical affairs;market access;health economics=HEOR;reimbursement;formulary |  | 
tech.engineering | engineering disciplines | family:hard | mechanical engineering;electrical engineering;civil engineering=structural engineering;chemical engineering=process engineering;manufacturing engineering=industrial engineering;systems engineering;embedded systems;circuit design=PCB design=electronics design;HVAC design;building automation;power distribution;controls engineering=control systems;robotics;instrumentation;reliability engineering;GD&T=tolerance analysis;FEA=finite element analysis;thermodynamics;fluid dynamics;materials science;welding;machining=CNC;blueprint reading=schematics=technical drawings |  | 
tech.construction | construction and facilities | family:hard | construction management;estimating=cost estimating=takeoffs;bidding;building codes;OSHA regulations=OSHA;workplace safety=health and safety=EHS=environmental health and safety=safety compliance;facilities management=facility maintenance=preventive maintenance;property management;leasing;title and escrow |  | 
tech.technical_aptitude | technical aptitude | hard | technical aptitude;technical knowledge;technical background;technical acumen;technically savvy;tech-savvy;tech savvy;technology savvy;computer skills;computer literacy;computer literate;computer proficiency;proficient with computers;digital literacy;software applications;technical concepts;technical understanding;digital tools;technology tools;web-based applications;internet research;web browsers;web browser;internet browsers;internet browser |  | tech-savvy;tech savvy;technically savvy;computer;digital literacy;technical aptitude
tech.telecom | telecommunications and networking technology | family:hard | VoIP;UCaaS=unified communications;CCaaS=contact center technology;SD-WAN;WAN=LAN=network infrastructure;MPLS;fiber;wireless;5G;telephony;Cisco;^Juniper;Fortinet;PBX=SIP |  | 
dom.insurance_products | insurance products knowledge | family:knowledge | commercial insurance=commercial lines;personal lines;property and casualty insurance=P&C insurance;life and health insurance;employee benefits insurance=group benefits;workers compensation=workers' compensation;claims handling;insurance brokerage=brokerage;carrier relations;insurance products |  | 
dom.banking_products | banking products knowledge | family:knowledge | treasury management=treasury services;commercial banking;retail banking;deposit products;merchant services=payment processing=payments;credit cards;commercial lending;consumer lending;mortgage lending;anti-money laundering=AML=BSA=Bank Secrecy Act;KYC=know your customer;banking products=financial products |  | 
dom.medical_sales | medical and pharmaceutical sales | family:knowledge | medical sales=healthcare sales;pharmaceutical sales=pharma sales;medical device sales;biotech sales=life sciences sales;laboratory sales;capital equipment sales;surgical sales;key opinion leaders=KOL=KOLs=KOL management;physician relationships;IDNs=IDN=integrated delivery networks=health systems;GPOs=GPO=group purchasing organizations;disease state knowledge=therapeutic area=therapeutic areas=clinical knowledge;specialty pharmacy=specialty pharmacies |  | 
dom.tech_products | technology products knowledge | family:knowledge | IT solutions=technology solutions=enterprise technology=enterprise solutions;managed services=MSP=managed service providers;IT services;networking solutions;security solutions |  | 
dom.real_estate | real estate knowledge | family:knowledge | commercial real estate=CRE;residential real estate;tenant representation;real estate development;appraisal;title insurance;settlement process=escrow process |  | 
dom.logistics_knowledge | freight and transportation knowledge | family:knowledge | freight brokerage;3PL=third-party logistics;LTL;FTL=truckload;intermodal;drayage;last-mile delivery;fleet management;route planning;customs brokerage;freight forwarding;carrier sales;transportation sales=logistics sales |  | 
dom.hospitality_knowledge | hospitality and food service knowledge | family:knowledge | food safety=food handling;menu development;front of house;guest services=guest relations;catering=banquets;event sales=group sales;reservations;point of sale=POS systems;cash handling |  | 
dom.education_knowledge | education and training knowledge | family:knowledge | curriculum=lesson planning=curriculum development;classroom management;student engagement;EdTech=education technology;learning management systems=LMS;^Blackboard;Moodle;special education;admissions=enrollment management;academic advising |  | 
dom.nonprofit_knowledge | nonprofit management knowledge | family:knowledge | nonprofit management;volunteer management=volunteer coordination;program development;grant management;capital campaigns;annual giving;planned giving;donor management=donor databases;Raiser's Edge=Blackbaud;community partnerships |  | 
dom.manufacturing_knowledge | manufacturing and industrial knowledge | family:knowledge | manufacturing processes;lean manufacturing;quality systems;industrial equipment=industrial products;capital equipment;building materials;electrical products;packaging materials;raw materials;plastics;metals;power transmission;motion control;fluid power;industrial automation;MRO;OEMs=OEM=original equipment manufacturers;aftermarket |  | """

DEGREES_EXTRA = {  # extra surface forms for the curated degree levels
    "deg.bachelor": "bachelor's;bachelors;bachelor;baccalaureate;bachelor of science;bachelor of arts;undergraduate;4 year degree;four year degree;BA/BS;BS/BA",
    "deg.master": "master's;masters;master;master of science;master of arts;graduate-level degree",
    "deg.associate": "associate's;associates degree;associate of arts;associate of science",
    "deg.doctorate": "doctoral;doctor of philosophy;PhD degree",
    "deg.high_school": "high school;high school education;GED equivalent",
    "deg.professional": "Doctor of Pharmacy;Doctor of Medicine;JD degree",
}

# Certifications and licences beyond the curated seed list.
# id | name | kind | issuer | full names (case-insensitive) | acronyms (case-sensitive) | context stems (acronym needs one nearby)
CERTS_EXTRA = """
cert.pmp | PMP | certification | Project Management Institute (PMI) | Project Management Professional;PMP certification;PMP certified;PMP credential | PMP |
cert.capm | CAPM | certification | Project Management Institute (PMI) | Certified Associate in Project Management | CAPM |
cert.pgmp | PgMP | certification | Project Management Institute (PMI) | Program Management Professional | PgMP |
cert.pmi_acp | PMI-ACP | certification | Project Management Institute (PMI) | PMI Agile Certified Practitioner | PMI-ACP |
cert.pm_generic | Project Management Certification | certification | various | project management certification;project management certificate;project management certified | |
cert.ccm | Construction Management Certification | certification | CMAA and others | Certified Construction Manager;construction management certification;construction management certificate | CCM | construct
cert.csm | Certified ScrumMaster | certification | Scrum Alliance | Certified ScrumMaster;Certified Scrum Master;Scrum Master certification | CSM | scrum master;scrummaster;scrum alliance
cert.psm | Professional Scrum Master | certification | Scrum.org | Professional Scrum Master | PSM | scrum master;scrum.org
cert.safe | SAFe certification | certification | Scaled Agile | SAFe Agilist;SAFe certification;SAFe certified;Certified SAFe | |
cert.csp_scrum | Certified Scrum Professional | certification | Scrum Alliance | Certified Scrum Professional | CSP | scrum;agile
cert.csp_safety | Certified Safety Professional | certification | Board of Certified Safety Professionals (BCSP) | Certified Safety Professional | CSP | safety;osha;bcsp;ehs;hazard;industrial hygiene
cert.chst | CHST | certification | BCSP | Construction Health and Safety Technician | CHST |
cert.osha | OSHA 10/30 certification | certification | OSHA | OSHA 10;OSHA 30;OSHA 10-hour;OSHA 30-hour;OSHA certification;OSHA certified | |
cert.cpa | CPA | license | State boards of accountancy | Certified Public Accountant;CPA license;CPA designation;CPA certification;CPA certified | CPA;CPAs |
cert.cma | CMA | certification | Institute of Management Accountants (IMA) | Certified Management Accountant | CMA | accountant;accounting;ima;finance;financial;cpa
cert.cia | CIA | certification | Institute of Internal Auditors (IIA) | Certified Internal Auditor | CIA | audit;auditor;iia
cert.cisa | CISA | certification | ISACA | Certified Information Systems Auditor | CISA |
cert.cfe | CFE | certification | ACFE | Certified Fraud Examiner | CFE | fraud;acfe;examiner
cert.cfa | CFA | certification | CFA Institute | Chartered Financial Analyst;CFA charter;CFA charterholder | CFA |
cert.cfp | CFP | certification | CFP Board | Certified Financial Planner | CFP |
cert.chfc | ChFC | certification | The American College | Chartered Financial Consultant | ChFC |
cert.clu | CLU | certification | The American College | Chartered Life Underwriter | CLU |
cert.cpcu | CPCU | certification | The Institutes | Chartered Property Casualty Underwriter | CPCU |
cert.cic | CIC | certification | The National Alliance | Certified Insurance Counselor | CIC | insurance;alliance
cert.cisr | CISR | certification | The National Alliance | Certified Insurance Service Representative | CISR |
cert.ebp | CEBS | certification | IFEBP | Certified Employee Benefit Specialist | CEBS |
cert.ea | Enrolled Agent | license | IRS | Enrolled Agent | |
cert.ctp | CTP | certification | AFP | Certified Treasury Professional | CTP | treasury;afp
cert.frm | FRM | certification | GARP | Financial Risk Manager certification | FRM | risk;garp
cert.caia | CAIA | certification | CAIA Association | Chartered Alternative Investment Analyst | CAIA |
cert.cpp | CPP | certification | PayrollOrg (APA) | Certified Payroll Professional | CPP | payroll
cert.fpc | FPC | certification | PayrollOrg (APA) | Fundamental Payroll Certification | FPC | payroll
cert.phr | PHR | certification | HRCI | Professional in Human Resources | PHR |
cert.sphr | SPHR | certification | HRCI | Senior Professional in Human Resources | SPHR |
cert.shrm_cp | SHRM-CP | certification | SHRM | SHRM Certified Professional;SHRM-CP | SHRM-CP |
cert.shrm_scp | SHRM-SCP | certification | SHRM | SHRM Senior Certified Professional;SHRM-SCP | SHRM-SCP |
cert.cscp | CSCP | certification | ASCM (APICS) | Certified Supply Chain Professional | CSCP |
cert.cpim | CPIM | certification | ASCM (APICS) | Certified in Planning and Inventory Management;APICS certification | CPIM |
cert.cpsm_supply | CPSM | certification | Institute for Supply Management (ISM) | Certified Professional in Supply Management | CPSM |
cert.cppb | CPPB | certification | UPPCC | Certified Professional Public Buyer | CPPB |
cert.six_sigma_black | Six Sigma Black Belt | certification | various (e.g. ASQ) | Six Sigma Black Belt;Lean Six Sigma Black Belt;Black Belt certification | CSSBB;LSSBB |
cert.cqe | CQE | certification | ASQ | Certified Quality Engineer | CQE |
cert.cqa | CQA | certification | ASQ | Certified Quality Auditor | CQA | quality;audit;asq
cert.iso_auditor | ISO Lead Auditor | certification | various | ISO 9001 Lead Auditor;ISO Lead Auditor;ISO 27001 Lead Auditor;Lead Auditor certification | |
cert.cissp | CISSP | certification | ISC2 | Certified Information Systems Security Professional | CISSP |
cert.cism | CISM | certification | ISACA | Certified Information Security Manager | CISM |
cert.security_plus | CompTIA Security+ | certification | CompTIA | CompTIA Security+;Security+;Security Plus | |
cert.comptia_a | CompTIA A+ | certification | CompTIA | CompTIA A+;A+ certification;A+ certified | |
cert.network_plus | CompTIA Network+ | certification | CompTIA | CompTIA Network+;Network+;Network Plus | |
cert.ceh | CEH | certification | EC-Council | Certified Ethical Hacker | CEH |
cert.ccna | CCNA | certification | Cisco | Cisco Certified Network Associate | CCNA |
cert.ccnp | CCNP | certification | Cisco | Cisco Certified Network Professional | CCNP |
cert.aws | AWS certification | certification | Amazon Web Services | AWS Certified;AWS certification;AWS certifications;AWS Certified Solutions Architect;AWS Certified Cloud Practitioner;AWS Solutions Architect certification | |
cert.azure | Microsoft Azure certification | certification | Microsoft | Azure certification;Azure certified;Microsoft Certified: Azure;Azure Fundamentals;Azure Solutions Architect Expert | AZ-900;AZ-104;AZ-305 |
cert.gcp | Google Cloud certification | certification | Google Cloud | Google Cloud certification;Google Cloud certified;Professional Cloud Architect | |
cert.sf_admin | Salesforce Certified Administrator | certification | Salesforce | Salesforce Certified Administrator;Salesforce Administrator certification;Salesforce certified admin;Salesforce Admin certification;Salesforce Administrator certified;Salesforce Admin certified;Salesforce ADM 201 | ADM-201;ADM 201 |
cert.sf_sales_cloud | Salesforce Certified Sales Cloud Consultant | certification | Salesforce | Salesforce Certified Sales Cloud Consultant;Sales Cloud Consultant certification;Sales Cloud Consultant | |
cert.sf_service_cloud | Salesforce Certified Service Cloud Consultant | certification | Salesforce | Salesforce Certified Service Cloud Consultant;Service Cloud Consultant | |
cert.sf_app_builder | Salesforce Certified Platform App Builder | certification | Salesforce | Salesforce Certified Platform App Builder;Platform App Builder | |
cert.sf_developer | Salesforce Certified Platform Developer | certification | Salesforce | Salesforce Certified Platform Developer;Platform Developer I;Platform Developer II | |
cert.sf_cpq | Salesforce Certified CPQ Specialist | certification | Salesforce | Salesforce Certified CPQ Specialist;CPQ Specialist | |
cert.hubspot_sales | HubSpot Sales Software certification | certification | HubSpot Academy | HubSpot Sales Software Certification;HubSpot Inbound Sales Certification;HubSpot Inbound Sales;HubSpot Sales certification | |
cert.hubspot_marketing | HubSpot Inbound Marketing certification | certification | HubSpot Academy | HubSpot Inbound Marketing Certification;HubSpot Inbound Marketing;HubSpot Marketing Software Certification;HubSpot Content Marketing Certification | |
cert.meta_blueprint | Meta Blueprint certification | certification | Meta | Meta Blueprint;Facebook Blueprint;Meta Certified Media Buying Professional;Meta Certified Digital Marketing Associate | |
cert.amazon_ads | Amazon Ads certification | certification | Amazon | Amazon Ads certification;Amazon Advertising certification;Amazon DSP certification | |
cert.ttd | The Trade Desk Edge Academy certification | certification | The Trade Desk | Trade Desk certification;Edge Academy certification;The Trade Desk Edge Academy | |
cert.rac | RAC | certification | Regulatory Affairs Professionals Society (RAPS) | Regulatory Affairs Certification;RAC certification;RAC certified;RAC credential | RAC | regulatory;raps;certif
cert.ccrp | CCRP | certification | SOCRA | Certified Clinical Research Professional | CCRP |
cert.ccra | CCRA | certification | ACRP | Certified Clinical Research Associate | CCRA |
cert.rhit | RHIT | certification | AHIMA | Registered Health Information Technician | RHIT |
cert.rhia | RHIA | certification | AHIMA | Registered Health Information Administrator | RHIA |
cert.ccs | CCS | certification | AHIMA | Certified Coding Specialist | CCS | coding;ahima;medical
cert.cpc | CPC | certification | AAPC | Certified Professional Coder | CPC | coding;coder;aapc;medical;billing
cert.crcr | CRCR | certification | HFMA | Certified Revenue Cycle Representative | CRCR |
cert.ches | CHES | certification | NCHEC | Certified Health Education Specialist | CHES |
cert.cmrp | CMRP | certification | SMRP | Certified Maintenance and Reliability Professional | CMRP |
cert.bls | BLS certification | certification | American Heart Association / Red Cross | Basic Life Support;BLS certification;BLS certified;CPR certification;CPR certified;CPR/First Aid;First Aid/CPR;CPR and First Aid | BLS | certif;cpr;life support;aha
cert.acls | ACLS | certification | American Heart Association | Advanced Cardiovascular Life Support;Advanced Cardiac Life Support | ACLS;PALS |
cert.cna | CNA | certification | State nurse aide registries | Certified Nursing Assistant;Certified Nurse Aide | CNA | nurs;aide;patient;certif
cert.cma_medical | Certified Medical Assistant | certification | AAMA | Certified Medical Assistant | | 
cert.rn | RN license | license | State boards of nursing | Registered Nurse license;RN license;RN licensure;registered nurse licensure;active RN license;unrestricted RN license;licensed registered nurse;Registered Nurse (RN) license | RN |
cert.lpn | LPN license | license | State boards of nursing | Licensed Practical Nurse;LPN license;Licensed Vocational Nurse;LVN license | LPN;LVN |
cert.np | Nurse Practitioner license | license | State boards of nursing | Nurse Practitioner license;APRN license;board certified nurse practitioner | APRN |
cert.pharmacist | Pharmacist license | license | State boards of pharmacy | pharmacist license;licensed pharmacist;registered pharmacist;pharmacy license | RPh |
cert.pharm_tech | Pharmacy Technician certification | certification | PTCB / NHA | Certified Pharmacy Technician;pharmacy technician license;pharmacy technician certification | CPhT |
cert.driver | driver's license | license | State motor vehicle authorities | driver's license;drivers license;driver’s license;driver license;driving license;driver's licence;driving licence;driver’s licence | |
cert.cdl | CDL | license | State motor vehicle authorities | commercial driver's license;commercial drivers license;commercial driver’s license;Class A CDL;Class B CDL;CDL license;CDL Class A | CDL |
cert.forklift | Forklift certification | certification | employers (OSHA standard) | forklift certification;forklift certified;forklift license;forklift operator certification | |
cert.servsafe | ServSafe | certification | National Restaurant Association | ServSafe;ServSafe Manager;food handler certification;food handler's card;food manager certification | |
cert.notary | Notary Public | license | State governments | Notary Public;notary commission;notary license | |
cert.real_estate | Real estate license | license | State real estate commissions | real estate license;real estate licence;licensed real estate agent;real estate salesperson license;real estate broker license;licensed real estate broker | |
cert.nmls | NMLS license | license | NMLS | NMLS license;NMLS registration;mortgage loan originator license;MLO license;NMLS licensed | NMLS |
cert.insurance_license | Insurance license | license | U.S. state departments of insurance | insurance license;insurance producer license;licensed insurance agent;insurance licence;state insurance license;adjuster license | |
cert.series_6 | Series 6 | license | FINRA | Series 6 | |
cert.series_7 | Series 7 | license | FINRA | Series 7 | |
cert.series_24 | Series 24 | license | FINRA | Series 24 | |
cert.series_63 | Series 63 | license | NASAA | Series 63 | |
cert.series_65 | Series 65 | license | NASAA | Series 65 | |
cert.series_66 | Series 66 | license | NASAA | Series 66 | |
cert.sie | SIE | license | FINRA | Securities Industry Essentials | SIE |
cert.ccxp_extra | CCXP | certification | CXPA | CCXP certification | |
cert.cam_sw | Certified Software Asset Manager | certification | IAITAM | Certified Software Asset Manager | CSAM | software;asset;iaitam;itam;licens
cert.google_ads_extra | Google Ads certification | certification | Google (Skillshop) | Google Ads certification;Google Ads certified;Google AdWords certified;Google Ads Search certification;Google Ads Display certification;Google Ads Video certification;Google Ads Measurement certification;Google Ads Apps certification;Google Partner certification | |
cert.itil_extra | ITIL Foundation | certification | PeopleCert (Axelos) | ITIL Foundation;ITIL v4 Foundation;ITIL 4 Foundation;ITIL certification;ITIL certified | |
cert.cwdp | Certified Workforce Development Professional | certification | NAWDP | Certified Workforce Development Professional | CWDP |
cert.cmp | CMP | certification | Events Industry Council | Certified Meeting Professional | CMP | meeting;event
cert.cfre | CFRE | certification | CFRE International | Certified Fund Raising Executive | CFRE |
cert.cpce | CPCE | certification | various | Certified Professional Constructor | |
cert.pe | Professional Engineer (PE) license | license | State engineering boards | Professional Engineer license;PE license;licensed Professional Engineer;registered Professional Engineer;Professional Engineering license | |
cert.eit | EIT | certification | NCEES | Engineer in Training;EIT certification;FE exam;Fundamentals of Engineering | EIT |
cert.leed | LEED AP | certification | USGBC | LEED AP;LEED Accredited Professional;LEED Green Associate;LEED certification | |
cert.cem | CEM | certification | Association of Energy Engineers | Certified Energy Manager | CEM | energy
cert.ase | ASE certification | certification | ASE | ASE certification;ASE certified | |
cert.hazmat | HAZMAT endorsement | license | TSA / state DMV | HAZMAT endorsement;Hazmat certification | |
cert.twic | TWIC card | license | TSA | TWIC card;Transportation Worker Identification Credential | TWIC |
"""

# Disambiguation context for the curated acronyms that collide (stems near the acronym).
CURATED_CONTEXT = {
    "cert.csam": "sales;account;sama;strategic account;key account;client",
    "cert.csp_cpsa": "sales;selling;cpsa;salesperson",
    "cert.csa_cpsa": "sales;selling;cpsa",
    "cert.csl_cpsa": "sales;selling;cpsa",
    "cert.cslp": "sales;selling",
    "cert.smei": "sales;selling;smei;marketing executives",
    "cert.cisp": "sales;selling;inside sales;aa-isp",
    "cert.ccsm": "customer success;success",
    "cert.pmp": "",
}
# Curated surface forms that are not candidate certifications on their own or that the
# extra list words better; dropped here.
CURATED_DROP_SURFACE = {"Green Belt", "Lean Six Sigma", "ITIL", "Sales Cloud Consultant", "SAMA certification",
                        "CPSM", "Certified Sales Executive", "CSE", "PMP"}
# Acronyms that need context (stems listed above); listed acronyms among curated surface forms.
CURATED_ACRONYMS = {"CSAM", "CPSP", "CPSL", "CSA", "CSL", "CSLP", "SCPS", "SCSE", "CISP", "CISL", "CPMR",
                    "CCSM", "CCXP", "GAIQ", "MB-210"}

FIELDS_EXTRA = """
fos.business | business | 52.0101 | business;business administration;business management;commerce;business studies;BBA;management
fos.marketing | marketing | 52.1401 | marketing;marketing management;digital marketing;marketing communications
fos.sales | sales | 52.1804 | sales;professional selling;sales and marketing;selling
fos.communications | communications | 09.0101 | communications;communication;communication studies;speech communication;strategic communication;mass communication;mass communications
fos.journalism | journalism | 09.0401 | journalism
fos.advertising | advertising | 09.0903 | advertising
fos.public_relations | public relations | 09.0902 | public relations;PR
fos.economics | economics | 45.0601 | economics;applied economics;econometrics
fos.finance | finance | 52.0801 | finance;financial management;banking and finance;financial planning
fos.accounting | accounting | 52.0301 | accounting;accountancy
fos.international_business | international business | 52.1101 | international business;international trade;global business
fos.mis | information systems | 52.1201 | MIS;information systems;management information systems;business information systems;computer information systems;CIS
fos.information_technology | information technology | 11.0103 | information technology;IT;information science
fos.business_analytics | business analytics | 52.1302 | business analytics;business statistics;analytics
fos.data_science | data science | 30.7001 | data science;data analytics
fos.statistics | statistics | 27.0501 | statistics;biostatistics;applied statistics
fos.mathematics | mathematics | 27.0101 | mathematics;math;applied mathematics;maths
fos.supply_chain | supply chain management | 52.0203 | supply chain management;supply chain;logistics;operations management;operations research
fos.hospitality | hospitality | 52.0901 | hospitality;hospitality management;hotel management;hotel administration;tourism
fos.psychology | psychology | 42.0101 | psychology;organizational psychology;industrial-organizational psychology
fos.sociology | sociology | 45.1101 | sociology;social sciences;social science
fos.political_science | political science | 45.1001 | political science;government;public policy;international relations
fos.engineering | engineering | 14.0101 | engineering;engineering technology
fos.mechanical_engineering | mechanical engineering | 14.1901 | mechanical engineering
fos.electrical_engineering | electrical engineering | 14.1001 | electrical engineering;electronics engineering;electrical and computer engineering
fos.civil_engineering | civil engineering | 14.0801 | civil engineering;structural engineering
fos.chemical_engineering | chemical engineering | 14.0701 | chemical engineering
fos.industrial_engineering | industrial engineering | 14.3501 | industrial engineering;manufacturing engineering
fos.biomedical_engineering | biomedical engineering | 14.0501 | biomedical engineering;bioengineering
fos.software_engineering | software engineering | 14.0903 | software engineering
fos.computer_engineering | computer engineering | 14.0901 | computer engineering
fos.computer_science | computer science | 11.0701 | computer science;CS;computing
fos.computing | computer information science | 11.0101 | computer and information sciences;computer information sciences
fos.cybersecurity | cybersecurity | 11.1003 | cybersecurity;cyber security;information security
fos.life_sciences | life sciences | 26.0101 | life sciences;life science;biological sciences;biological science;biology;biochemistry;microbiology;molecular biology;neuroscience
fos.biotechnology | biotechnology | 26.1201 | biotechnology;bioengineering technology
fos.chemistry | chemistry | 40.0501 | chemistry;chemical sciences
fos.physics | physics | 40.0801 | physics;applied physics
fos.physical_sciences | physical sciences | 40.0101 | physical sciences;physical science
fos.science | science | 30.0101 | science;sciences;natural sciences;hard sciences
fos.health_sciences | health sciences | 51.0000 | health sciences;health science;allied health;health studies
fos.healthcare | healthcare | 51.0001 | healthcare;health care;health and wellness
fos.public_health | public health | 51.2201 | public health;health policy
fos.epidemiology | epidemiology | 26.1309 | epidemiology
fos.healthcare_admin | healthcare administration | 51.0701 | healthcare administration;health administration;healthcare management;health care administration;health services administration;health information management
fos.nursing | nursing | 51.3801 | nursing;registered nursing;BSN
fos.pharmacy | pharmacy | 51.2001 | pharmacy;pharmaceutical sciences;pharmacology;PharmD
fos.medicine | medicine | 51.1201 | medicine;medical
fos.kinesiology | kinesiology | 31.0505 | kinesiology;exercise science;sports medicine;athletic training
fos.nutrition | nutrition | 51.3101 | nutrition;dietetics;food science
fos.human_resources | human resources | 52.1001 | human resources;human resource management;HR management;industrial relations;labor relations
fos.education | education | 13.0101 | education;teaching;curriculum and instruction;educational leadership
fos.english | english | 23.0101 | english;english literature
fos.writing | writing | 23.1301 | writing;creative writing;professional writing;technical writing
fos.liberal_arts | liberal arts | 24.0101 | liberal arts;humanities;general studies
fos.graphic_design | graphic design | 50.0409 | graphic design;visual communication;design;fine arts;art;digital media
fos.architecture | architecture | 04.0201 | architecture
fos.construction_management | construction management | 52.2001 | construction management;construction science;building construction
fos.facilities_management | facilities management | 19.0604 | facilities management;facility management;facilities planning
fos.real_estate | real estate | 52.1501 | real estate
fos.agriculture | agriculture | 01.0000 | agriculture;agribusiness;agricultural business;agronomy;animal science;agricultural science
fos.environmental_science | environmental science | 03.0104 | environmental science;environmental studies;sustainability
fos.law | law | 22.0101 | law;legal studies;pre-law;paralegal studies
fos.criminal_justice | criminal justice | 43.0104 | criminal justice;criminology
fos.public_administration | public administration | 44.0401 | public administration;nonprofit management
fos.social_work | social work | 44.0701 | social work
fos.hospitality_culinary | culinary arts | 12.0500 | culinary arts;culinary
fos.entrepreneurship | entrepreneurship | 52.0701 | entrepreneurship
fos.project_management | project management | 52.0211 | project management
fos.aviation | aviation | 49.0101 | aviation;aeronautics
fos.geography | geography | 45.0701 | geography;GIS
"""

TITLES_EXTRA = """
ttl.intern | intern | intern;internship;co-op;summer associate
ttl.trainee | entry | trainee;graduate;entry level;entry-level;junior;jr.;jr;associate;apprentice;assistant;I
ttl.mid | mid | II
ttl.senior | senior | senior;sr.;sr;III;IV;staff;lead;principal;experienced
ttl.manager | manager | team lead;team leader;supervisor;people manager;manager of;sales manager;regional manager;area manager;district manager;branch manager
ttl.director | director_plus | director;senior director;head of;vice president;VP;SVP;EVP;AVP;chief;CRO;CEO;COO;CFO;CMO;president;partner;general manager
"""


# Words too generic to name a skill on their own (they name the job's topics, or praise).
GENERIC_DROP = {
    "implementation", "territory", "territories", "events", "conferences", "documentation", "scheduling",
    "licensing", "legal", "operations", "strategy", "strategic", "research", "reporting", "reports",
    "compliance", "regulations", "regulatory", "education", "production", "design", "innovative",
    "positive", "passion", "passionate", "confidence", "confident", "competitive", "ownership",
    "diversity", "inclusion", "enthusiastic", "enthusiasm", "supervisory", "energetic", "training",
    "execution", "sales", "selling", "marketing", "contracts", "pricing", "quotes", "retention",
    "discovery", "security", "administrative", "filing", "typing", "demo", "pitch", "prospect",
    "prospects", "reliable", "patient", "creative", "curious", "friendly", "humble", "accuracy",
}


SEED_GROUPS = {"relationship_soft", "sales_process", "analytical", "tools_crm", "domain"}

# ESCO concepts whose preferred label is worded as an activity, not as any of a skill's
# surface forms (skill id -> ESCO preferred label; the build fails if ESCO lacks the label).
ESCO_LABELS = {
    "rel.attention_to_detail": "attend to detail",
    "rel.stakeholder_mgmt": "manage relationships with stakeholders",
    "sales.territory_mgmt": "apply territory planning",
    "sales.fundraising": "perform fundraising activities",
    "soft.emotional_intelligence.empathy": "show empathy",
    "soft.writing.copywriting": "perform copywriting",
    "soft.hr.recruiting": "recruit employees",
    "tech.programming.object_oriented_programming": "use object-oriented programming",
    "tech.programming.software_design_patterns": "use software design patterns",
    "tech.programming.software_architecture": "define software architecture",
}

# O*NET content-model skills (element ids) for concepts that have no Technology Skills example.
ONET_ELEMENTS = {
    "soft.decision_making": "2.B.4.e",               # Judgment and Decision Making
    "soft.learning.eagerness_to_learn": "2.A.2.b",   # Active Learning
    "sales.customer_education": "2.B.1.e",           # Instructing
    "soft.emotional_intelligence.emotional_intelligence": "2.B.1.a",  # Social Perceptiveness
}


def split_list(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower().replace("+", "plus").replace("#", "sharp")).strip("_")


def rows(block: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("|")] for line in block.strip().splitlines() if line.strip()]


def esco_index(shared: Path) -> dict[str, str]:
    """Lower-cased ESCO preferred / alternative label -> concept URI (preferred labels win)."""
    index, alt = {}, {}
    with open(shared / "reference/esco/skills_labels_en.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            index.setdefault(row["preferredLabel"].strip().lower(), row["conceptUri"])
            for label in (row.get("altLabels") or "").split(" | "):
                if label.strip():
                    alt.setdefault(label.strip().lower(), row["conceptUri"])
    return {**alt, **index}


def onet_index(shared: Path) -> dict[str, str]:
    """Lower-cased O*NET Technology Skills example (with and without 'software') -> 'code:Example'."""
    index = {}
    with open(shared / "reference/onet/technology_skills_all.txt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name, code = row["Example"].strip(), row["Commodity Code"].strip()
            ref = f"{code}:{name}"
            for key in (name, re.sub(r"\s+software$", "", name, flags=re.I)):
                index.setdefault(key.lower(), ref)
    return index


def cip_codes(shared: Path) -> set[str]:
    with open(shared / "reference/cip/CIPCode2020.csv", encoding="utf-8") as f:
        return {row["CIP_Code"].strip() for row in csv.DictReader(f)}


def curated(shared: Path, name: str) -> list[dict]:
    with open(shared / "reference/curated" / name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def esco_uri_from(ref: str) -> str:
    m = re.search(r"esco:skill/([0-9a-f-]{36})", ref or "")
    return f"http://data.europa.eu/esco/skill/{m.group(1)}" if m else ""


def onet_from(ref: str) -> str:
    m = re.search(r"\b(2\.[AB]\.\d\.[a-z])\b", ref or "")
    return m.group(1) if m else ""


def build_skills(shared: Path) -> list[dict]:
    esco, onet = esco_index(shared), onet_index(shared)
    extra = {r[0]: r for r in rows(SEED_EXTRA)}
    out = []
    for row in curated(shared, "candidate_skills.tsv"):
        key = row["id"].split(".", 1)[1]
        _, _, _, syn, cased, cues = extra[key]
        seed = [s for s in split_list(row["surface_synonyms"].replace("|", ";"))]
        cased_l = split_list(cased)
        synonyms = [s for s in dict.fromkeys(seed + split_list(syn)) if s not in cased_l]
        out.append(dict(id=row["id"], canonical=row["canonical"], group=row["group"], kind=row["kind"],
                        esco=esco_uri_from(row["esco_concept"]), onet=onet_from(row["onet_ref"]),
                        synonyms=synonyms, cased=cased_l, cues=split_list(cues)))
    for sid, canonical, kind, syn, cased, cues in rows(EXTRA_SKILLS):
        if kind.startswith("family:"):  # one canonical per ';' item, '=' joins its variants
            for item in split_list(syn):
                variants = [v.strip() for v in item.split("=") if v.strip()]
                name = variants[0].lstrip("^")
                out.append(dict(id=f"{sid}.{slug(name)}", canonical=name, group=sid.split(".")[1],
                                kind=kind.split(":")[1], esco="", onet="",
                                synonyms=[v for v in variants if not v.startswith("^")],
                                cased=[v[1:] for v in variants if v.startswith("^")], cues=[]))
            continue
        cased_l = split_list(cased)
        out.append(dict(id=sid, canonical=canonical, group=sid.split(".")[0], kind=kind, esco="", onet="",
                        synonyms=[s for s in split_list(syn) if s not in cased_l], cased=cased_l,
                        cues=split_list(cues)))
    seen = {}
    for skill in out:  # a generic word cannot be the matched name of a concept either
        if skill["canonical"].lower() in GENERIC_DROP and skill["group"] not in SEED_GROUPS:
            rest = [v for v in skill["synonyms"] if v.lower() not in GENERIC_DROP]
            skill["canonical"], skill["synonyms"] = (rest[0], rest) if rest else (skill["canonical"], [])
    for skill in out:  # a surface form belongs to the first skill naming it (seed skills first)
        if seen.setdefault(skill["canonical"].lower(), skill["id"]) != skill["id"]:
            skill["synonyms"], skill["cased"] = [], []  # another concept owns this name: drop it
            continue
        skill["synonyms"] = [s for s in skill["synonyms"] if s.lower() not in GENERIC_DROP
                             and seen.setdefault(s.lower(), skill["id"]) == skill["id"]]
        skill["cased"] = [c for c in skill["cased"] if seen.setdefault(c, skill["id"]) == skill["id"]]
        forms = [skill["canonical"], *skill["synonyms"]]
        if not skill["esco"] and skill["id"] in ESCO_LABELS:
            skill["esco"] = esco[ESCO_LABELS[skill["id"]]]  # KeyError: the label is not in ESCO
        if not skill["esco"]:
            skill["esco"] = next((esco[f.lower()] for f in forms if f.lower() in esco), "")
        if not skill["onet"]:
            skill["onet"] = next((onet[f.lower()] for f in forms + skill["cased"] if f.lower() in onet),
                                 ONET_ELEMENTS.get(skill["id"], ""))
    return [s for s in out if s["synonyms"] or s["cased"]]  # a family item another skill already owns


def build_certs(shared: Path) -> list[dict]:
    out = []
    for row in curated(shared, "certifications.tsv"):
        forms = split_list(row["surface_forms"].replace("|", ";"))
        forms = [f for f in forms if f not in CURATED_DROP_SURFACE]
        acr = [f for f in forms if f in CURATED_ACRONYMS or re.fullmatch(r"[A-Z][A-Z0-9&-]{1,6}", f)]
        full = [f for f in forms if f not in acr]
        kind = "license" if row["category"] == "license" else "certification"
        name = row["abbreviations"].split("|")[0] if kind == "certification" and row["abbreviations"] and "|" not in row["abbreviations"] and len(row["abbreviations"]) <= 6 else row["canonical"]
        if row["id"] in ("lic.finra", "lic.driver", "cert.pmp", "cert.google_ads", "cert.itil"):
            continue  # replaced by finer rows in CERTS_EXTRA
        out.append(dict(id=row["id"], name=name, kind=kind, issuer=row["issuer"], full=full, acronyms=acr,
                        context=split_list(CURATED_CONTEXT.get(row["id"], ""))))
    extra = []
    for cid, name, kind, issuer, full, acr, *ctx in rows(CERTS_EXTRA):
        extra.append(dict(id=cid, name=name, kind=kind, issuer=issuer, full=split_list(full),
                          acronyms=split_list(acr), context=split_list(ctx[0] if ctx else "")))
    specific = {f.lower() for row in extra for f in row["full"]}
    for row in out:  # a name the finer-grained rows list belongs to them ("Salesforce Certified Administrator")
        row["full"] = [f for f in row["full"] if f.lower() not in specific]
    seen: dict[str, str] = {}
    for row in out + extra:
        row["full"] = [f for f in row["full"] if seen.setdefault(f.lower(), row["id"]) == row["id"]]
    return [row for row in out + extra if row["full"] or row["acronyms"]]


def build_fields(shared: Path) -> list[dict]:
    codes = cip_codes(shared)
    out = []
    for fid, field, cip, syn in rows(FIELDS_EXTRA):
        if cip not in codes:
            raise SystemExit(f"CIP code {cip} for {fid} is not in CIP 2020")
        out.append(dict(id=fid, field=field, cip=cip, synonyms=split_list(syn)))
    return out


def build_degrees(shared: Path) -> list[dict]:
    out = []
    for row in curated(shared, "degrees.tsv"):
        if not row["level_id"].startswith("deg."):
            continue
        syn = split_list(row["surface_synonyms"].replace("|", ";")) + split_list(DEGREES_EXTRA.get(row["level_id"], ""))
        out.append(dict(id=row["level_id"], level=row["level_id"].split(".")[1], canonical=row["canonical"],
                        rank=row["rank"], synonyms=list(dict.fromkeys(syn)),
                        abbreviations=split_list(row["abbreviations"].replace("|", ";")),
                        onet_rl=row["onet_RL_category"], isced=row["isced_2011"]))
    return out


def build_titles(shared: Path) -> list[dict]:
    level = {1: "entry", 2: "entry", 3: "mid", 4: "senior", 5: "senior", 6: "director_plus", 7: "director_plus"}
    out = []
    for row in curated(shared, "occupations_seniority.tsv"):
        out.append(dict(id=row["id"], title=row["canonical"], seniority=level[int(row["seniority_rank"])],
                        kind="title", surface=split_list(row["surface_titles"].replace("|", ";")),
                        esco=row["esco_occupation"], onet=row["onet_soc"]))
    for tid, seniority, surface in rows(TITLES_EXTRA):
        out.append(dict(id=tid, title=seniority, seniority=seniority, kind="marker",
                        surface=split_list(surface), esco="", onet=""))
    return out


def write_tsv(path: Path, records: list[dict], columns: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for r in records:
            f.write("\t".join("|".join(v) if isinstance(v, list) else str(v) for v in (r[c] for c in columns)) + "\n")


NOTICE = """amscout taxonomy (data/taxonomy) — sources and attribution
==========================================================

This service uses the ESCO classification of the European Commission.
  ESCO v1.1.1 skill concept URIs (column `esco` of skills.tsv). Published by the European Commission
  under the Commission reuse policy (Decision 2011/833/EU). Modified: URIs are referenced and some
  skill labels were adapted as synonyms; the labels used for matching are this project's own selection.

O*NET 29.2 Database, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA),
  licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Column `onet` of
  skills.tsv holds Technology Skills commodity codes with their example names, or O*NET content
  model element ids; some Technology Skills example names are used as synonyms. Modified: selected
  and mapped by amscout. O*NET(R) is a trademark of USDOL/ETA;
  USDOL/ETA has not approved, endorsed or tested this work.

CIP 2020 (Classification of Instructional Programs), U.S. Department of Education, NCES
  (public domain). Column `cip` of fields.tsv.

Everything else (canonical names, synonyms, cues, certifications, titles) is amscout's own,
generated by bench/build_taxonomy.py from the curated seed lists and the script's vocabulary.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(PROJECT.parent / "shared"))
    ap.add_argument("--out", default=str(PROJECT / "data/taxonomy"))
    args = ap.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    if not (shared / "reference").is_dir():
        print(f"error: no reference data under {shared}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    skills = build_skills(shared)
    write_tsv(out / "skills.tsv", skills, ["id", "canonical", "group", "kind", "esco", "onet", "synonyms", "cased", "cues"])
    certs = build_certs(shared)
    write_tsv(out / "certifications.tsv", certs, ["id", "name", "kind", "issuer", "full", "acronyms", "context"])
    write_tsv(out / "fields.tsv", build_fields(shared), ["id", "field", "cip", "synonyms"])
    write_tsv(out / "degrees.tsv", build_degrees(shared),
              ["id", "level", "canonical", "rank", "synonyms", "abbreviations", "onet_rl", "isced"])
    write_tsv(out / "titles.tsv", build_titles(shared), ["id", "title", "seniority", "kind", "surface", "esco", "onet"])
    (out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    print(f"{len(skills)} skills, {len(certs)} certifications -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
